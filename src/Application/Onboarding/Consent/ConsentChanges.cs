using WorkSights.Application.Accounts;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Onboarding.Consent;

/// <summary>
/// The changes of a workspace's consent that WorkSights finds by itself — a read refused, an hourly check that finds it
/// granted again — made on the tenant and recorded in the audit log in the same save.
/// </summary>
public static class ConsentChanges
{
    /// <param name="foundBy">What found it, in a reader's words ("the directory sync").</param>
    public static void Revoke(IApplicationDbContext db, Tenant tenant, string foundBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        tenant.RevokeConsent(now);
        db.AuditEntries.Add(AuditEntry.Record(
            tenant.Id, AuditActor.WorkSights, now, AccountAuditActions.ConsentRevoked, "Microsoft 365 connection", "Consent granted", $"Consent revoked (found by {foundBy})"));
    }

    public static void Recover(IApplicationDbContext db, Tenant tenant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tenant);
        tenant.RecoverConsent(now);
        db.AuditEntries.Add(AuditEntry.Record(
            tenant.Id, AuditActor.WorkSights, now, AccountAuditActions.ConsentRecovered, "Microsoft 365 connection", "Consent revoked", "Consent granted again (found by the hourly check)"));
    }
}
