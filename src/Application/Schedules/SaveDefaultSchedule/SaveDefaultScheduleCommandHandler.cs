using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Schedules.SaveDefaultSchedule;

public sealed class SaveDefaultScheduleCommandHandler(IApplicationDbContext db, ITenantContext tenant, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveDefaultScheduleCommand>
{
    public async ValueTask<Unit> Handle(SaveDefaultScheduleCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenant.TenantId ?? throw new NotFoundException("Workspace");
        var workspace = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken) ?? throw new NotFoundException("Workspace");
        var before = Describe(workspace.Details);
        workspace.ChangeDefaultSchedule(new Domain.Tenants.WorkSchedule(command.WorkDays, command.Start, command.End), command.TargetPercent, command.TimeZoneId);
        var after = Describe(workspace.Details);
        if (before == after)
        {
            return Unit.Value;
        }

        var now = clock.GetUtcNow();
        db.AuditEntries.Add(AuditEntry.Record(tenantId, currentUser.AsAuditActor(), now, "schedule.default.changed", "Default schedule", before, after));
        await DirtyDays.MarkEveryoneAsync(db, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private static string? Describe(CompanyDetails? details) =>
        details is null ? null : $"{ScheduleText.Of(details.DefaultSchedule)}, target {details.DefaultTargetPercent} %, {details.TimeZoneId}";
}
