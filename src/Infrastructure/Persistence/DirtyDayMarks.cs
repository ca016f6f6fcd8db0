using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Scores;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// The person-days a save makes out of date, written as <see cref="DirtyPersonDay"/> marks in the save's own transaction:
/// every date the changed items (as they were and as they are) can fall on in any time zone, since a page of a sync does
/// not know its people's zones; and the ranges asked for explicitly (a schedule or time-zone change).
/// </summary>
/// <remarks>
/// One prepared upsert per distinct person and date (a page of 500 mails of one person spans a few dozen), after the
/// page's activity upserts. Marking a day already marked moves its time forward by at least one tick, so a recompute
/// that read the older mark leaves the newer one to be drained.
/// </remarks>
internal static class DirtyDayMarks
{
    /// <summary>A fixed credit is at most an hour whatever the workspace's table says; a longer item is at most the maximum.</summary>
    private static readonly TimeSpan LongestFixedCredit = TimeSpan.FromHours(1);

    public readonly record struct Day(Guid PersonId, DateOnly Date);

    public static IReadOnlyCollection<Day> Of(
        IReadOnlyCollection<Activity> upserts, ChangeTracker tracker, IReadOnlyCollection<(Guid PersonId, DateOnly From, DateOnly To)> requested)
    {
        var days = new HashSet<Day>();
        foreach (var activity in upserts)
        {
            Add(days, activity.PersonId, activity.OccurredAt, activity.CreditedDuration, activity.IsScored);
        }

        if (tracker.HasChanges())
        {
            foreach (var entry in tracker.Entries<Activity>())
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    var original = entry.OriginalValues;
                    Add(
                        days,
                        original.GetValue<Guid>(nameof(Activity.PersonId)),
                        original.GetValue<DateTimeOffset>(nameof(Activity.OccurredAt)),
                        original.GetValue<TimeSpan>(nameof(Activity.CreditedDuration)),
                        original.GetValue<bool>(nameof(Activity.IsScored)));
                }

                if (entry.State is EntityState.Added or EntityState.Modified)
                {
                    Add(days, entry.Entity.PersonId, entry.Entity.OccurredAt, entry.Entity.CreditedDuration, entry.Entity.IsScored);
                }
            }
        }

        foreach (var (personId, from, to) in requested)
        {
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                days.Add(new Day(personId, date));
            }
        }

        return days;
    }

    public static async Task WriteAsync(DbContext db, Guid tenantId, IReadOnlyCollection<Day> days, DateTimeOffset markedAt)
    {
        if (days.Count == 0)
        {
            return;
        }

        var table = ModelTable<DirtyPersonDay>.For(db);
        var markedAtColumn = ModelTable<DirtyPersonDay>.Quote(table[nameof(DirtyPersonDay.MarkedAt)].Name);
        var conflict = $"ON CONFLICT ({string.Join(", ", table.Key.Select(c => ModelTable<DirtyPersonDay>.Quote(c.Name)))}) DO UPDATE SET "
            + $"{markedAtColumn} = CASE WHEN excluded.{markedAtColumn} > {markedAtColumn} THEN excluded.{markedAtColumn} ELSE {markedAtColumn} + 1 END";
        await using var upsert = table.Insert(db, conflict);
        foreach (var day in days.OrderBy(d => d.PersonId).ThenBy(d => d.Date))
        {
            upsert.Row(DirtyPersonDay.Mark(tenantId, day.PersonId, day.Date, markedAt));
        }
    }

    private static void Add(HashSet<Day> days, Guid personId, DateTimeOffset start, TimeSpan credited, bool isScored)
    {
        var length = isScored ? (credited > LongestFixedCredit ? credited : LongestFixedCredit) : Activity.MaximumCreditedDuration + TimeSpan.FromTicks(1);
        foreach (var date in DirtyPersonDay.DatesInAnyZone(start, start + length))
        {
            days.Add(new Day(personId, date));
        }
    }
}
