using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Onboarding;

/// <summary>The audit entries of the sign-up and consent flow; the caller saves them with the change they record.</summary>
public static class OnboardingAudit
{
    public const string ConnectionSubject = "Microsoft 365 connection";

    /// <summary>
    /// Consent was granted by the person with <paramref name="objectId"/>. Before the first directory import that person is
    /// no one in the workspace yet: the entry then names them as their sign-in gave them.
    /// </summary>
    public static async Task ConsentGrantedAsync(
        IApplicationDbContext db, ICurrentUser currentUser, Tenant tenant, TenantStatus before, string objectId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(currentUser);
        ArgumentNullException.ThrowIfNull(tenant);
        var id = objectId.ToLowerInvariant();
        var person = await db.People.AsNoTracking().Where(p => p.TenantId == tenant.Id && p.ExternalId == id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        var signUp = await db.PendingSignUps.AsNoTracking()
            .Where(p => p.ExternalTenantId == tenant.ExternalTenantId && p.ObjectId == id)
            .Select(p => new { p.DisplayName, p.Email })
            .FirstOrDefaultAsync(cancellationToken);
        var by = signUp is null ? "an administrator" : $"{signUp.DisplayName} ({signUp.Email})";
        db.AuditEntries.Add(AuditEntry.Record(
            tenant.Id,
            new AuditActor(person, currentUser.Address),
            now,
            AccountAuditActions.ConsentGranted,
            ConnectionSubject,
            before == TenantStatus.ConsentRevoked ? "Consent revoked" : "Waiting for an administrator's consent",
            $"Consent granted by {by}"));
    }
}
