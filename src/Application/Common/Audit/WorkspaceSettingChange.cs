using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Common.Audit;

/// <summary>
/// Changes one setting of the signed-in person's workspace and records it in the audit log as before → after, in the
/// words <c>describe</c> gives; a change that leaves those words as they were records and saves nothing.
/// </summary>
public sealed class WorkspaceSettingChange(IApplicationDbContext db, ITenantContext tenantContext, ICurrentUser currentUser, TimeProvider clock)
{
    /// <exception cref="NotFoundException">No workspace is signed in.</exception>
    public async Task ApplyAsync(string action, string subject, Func<Tenant, string> describe, Action<Tenant> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentNullException.ThrowIfNull(change);
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken) ?? throw new NotFoundException("Workspace");
        var before = describe(tenant);
        change(tenant);
        var after = describe(tenant);
        if (after == before)
        {
            return;
        }

        db.AuditEntries.Add(AuditEntry.Record(tenantId, currentUser.AsAuditActor(), clock.GetUtcNow(), action, subject, before, after));
        await db.SaveChangesAsync(cancellationToken);
    }
}
