using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;

namespace WorkSights.Application.Accounts.SetDataRetention;

public sealed class SetDataRetentionCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SetDataRetentionCommand>
{
    public async ValueTask<Unit> Handle(SetDataRetentionCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken) ?? throw new NotFoundException("Workspace");
        if (tenant.RetentionDays == command.Days)
        {
            return Unit.Value;
        }

        var before = Words(tenant.RetentionDays);
        tenant.KeepActivitiesFor(command.Days);
        db.AuditEntries.Add(AuditEntry.Record(
            tenantId, currentUser.AsAuditActor(), clock.GetUtcNow(), AccountAuditActions.RetentionChanged, "Data retention", before, Words(command.Days)));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public static string Words(int? days) => days is { } kept
        ? string.Create(CultureInfo.InvariantCulture, $"Activities and results kept {kept} days")
        : "Activities and results kept until the workspace is deleted";
}
