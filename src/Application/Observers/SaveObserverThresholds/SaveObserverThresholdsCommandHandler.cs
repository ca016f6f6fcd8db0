using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Observers;

namespace WorkSights.Application.Observers.SaveObserverThresholds;

public sealed class SaveObserverThresholdsCommandHandler(IApplicationDbContext db, ITenantContext tenant, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveObserverThresholdsCommand>
{
    public const string AuditAction = "observers.thresholds.changed";

    public async ValueTask<Unit> Handle(SaveObserverThresholdsCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenant.TenantId ?? throw new NotFoundException("Workspace");
        var by = currentUser.PersonId ?? throw new ForbiddenAccessException("Sign in to change the workspace's settings.");
        var thresholds = new ObserverThresholds(
            command.OverloadDays, command.VeryLightDays, command.AfterHoursWeeks, command.MeetingSharePercent, command.FocusMinutes, command.NoFocusDays);
        var settings = await db.ObserverSettings.SingleOrDefaultAsync(cancellationToken);
        var before = settings?.Thresholds ?? ObserverThresholds.Default;
        if (before == thresholds)
        {
            return Unit.Value;
        }

        if (settings is null)
        {
            db.ObserverSettings.Add(ObserverSettings.For(tenantId, thresholds, by, clock.GetUtcNow()));
        }
        else
        {
            settings.Change(thresholds, by, clock.GetUtcNow());
        }

        db.AuditEntries.Add(AuditEntry.Record(tenantId, currentUser.AsAuditActor(), clock.GetUtcNow(), AuditAction, "Observer thresholds", Words(before), Words(thresholds)));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public static string Words(ObserverThresholds t) =>
        $"overload {t.OverloadDays} days, very light {t.VeryLightDays} days, after hours rising {t.AfterHoursWeeks} weeks, " +
        $"meetings above {t.MeetingSharePercent} %, focus {t.FocusMinutes} min, no focus {t.NoFocusDays} days";
}
