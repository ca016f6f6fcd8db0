using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Accounts.PurgeExpiredData;

public sealed class PurgeExpiredDataCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, TimeProvider clock)
    : ICommandHandler<PurgeExpiredDataCommand, PurgeResult>
{
    public async ValueTask<PurgeResult> Handle(PurgeExpiredDataCommand command, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(command.BatchSize, 1);
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var days = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.RetentionDays).SingleOrDefaultAsync(cancellationToken);
        if (days is not { } kept)
        {
            return PurgeResult.Nothing;
        }

        var now = clock.GetUtcNow();
        var cutoff = DataRetention.Cutoff(now, kept);
        var firstKept = DataRetention.FirstKeptDate(now, kept);
        var batch = command.BatchSize;
        var expired = db.Activities.Where(a => a.OccurredAt < cutoff);

        // Corrections first: they name their activity, which must still be there to be found.
        var corrections = await InBatchesAsync(
            () => db.ActivityCorrections.Where(c => expired.Select(a => a.Id).Contains(c.ActivityId)).OrderBy(c => c.Id).Take(batch).ExecuteDeleteAsync(cancellationToken),
            batch,
            cancellationToken);
        var activities = await InBatchesAsync(() => expired.OrderBy(a => a.Id).Take(batch).ExecuteDeleteAsync(cancellationToken), batch, cancellationToken);
        var dayResults =
            await InBatchesAsync(() => db.DirtyPersonDays.Where(d => d.Date < firstKept).OrderBy(d => d.Date).Take(batch).ExecuteDeleteAsync(cancellationToken), batch, cancellationToken)
            + await InBatchesAsync(() => db.PersonDayLocations.Where(d => d.Date < firstKept).OrderBy(d => d.Date).Take(batch).ExecuteDeleteAsync(cancellationToken), batch, cancellationToken)
            + await InBatchesAsync(() => db.PersonDays.Where(d => d.Date < firstKept).OrderBy(d => d.Date).Take(batch).ExecuteDeleteAsync(cancellationToken), batch, cancellationToken)
            + await InBatchesAsync(() => db.GroupDays.Where(d => d.Date < firstKept).OrderBy(d => d.Date).Take(batch).ExecuteDeleteAsync(cancellationToken), batch, cancellationToken);

        var result = new PurgeResult(activities, corrections, dayResults);
        if (result.Total > 0)
        {
            db.AuditEntries.Add(AuditEntry.Record(
                tenantId,
                AuditActor.WorkSights,
                now,
                AccountAuditActions.DataPurged,
                "Data retention",
                null,
                string.Create(CultureInfo.InvariantCulture, $"Removed {activities} activities, {corrections} corrections and {dayResults} day results from before {firstKept:yyyy-MM-dd} (kept {kept} days)")));
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>Runs <paramref name="deleteBatch"/>, one transaction each, until a batch finds fewer rows than it may delete.</summary>
    private async Task<int> InBatchesAsync(Func<Task<int>> deleteBatch, int batchSize, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = 0;
            await db.InTransactionAsync(async () => deleted = await deleteBatch(), cancellationToken);
            total += deleted;
        }
        while (deleted == batchSize && !cancellationToken.IsCancellationRequested);

        return total;
    }
}
