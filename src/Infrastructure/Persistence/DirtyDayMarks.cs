using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using WorkSights.Application.Common.Interfaces;
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

    /// <summary>An item as it is stored before a page's upsert replaces it: a moved item also leaves its old day.</summary>
    public sealed record Stored(Guid PersonId, DateTimeOffset OccurredAt, TimeSpan CreditedDuration, bool IsScored);

    /// <summary>
    /// The stored versions of a page's calendar items, read before the page is written: one query, by the natural key's
    /// index. Only calendar entries are ever moved at their source (a sent mail, a call, a chat or a sign-in keeps its
    /// time), and the query cost the write path a quarter of its rate when every page paid it (bench section writes).
    /// </summary>
    public static async Task<IReadOnlyList<Stored>> StoredVersionsAsync(IApplicationDbContext db, IReadOnlyCollection<Activity> page, CancellationToken cancellationToken)
    {
        var upserts = page.Where(a => a.Kind is ActivityKind.Meeting or ActivityKind.CalendarBlock or ActivityKind.CalendarResponse).ToList();
        if (upserts.Count == 0)
        {
            return [];
        }

        var people = upserts.Select(a => a.PersonId).Distinct().ToList();
        var sources = upserts.Select(a => a.Source).Distinct().ToList();
        var ids = upserts.Select(a => a.ExternalId).Distinct().ToList();
        var keys = upserts.Select(a => (a.PersonId, a.Source, a.ExternalId)).ToHashSet();
        var rows = await db.Activities.AsNoTracking()
            .Where(a => people.Contains(a.PersonId) && sources.Contains(a.Source) && ids.Contains(a.ExternalId))
            .Select(a => new { a.PersonId, a.Source, a.ExternalId, a.OccurredAt, a.CreditedDuration, a.IsScored })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => keys.Contains((r.PersonId, r.Source, r.ExternalId))).Select(r => new Stored(r.PersonId, r.OccurredAt, r.CreditedDuration, r.IsScored))];
    }

    public static IReadOnlyCollection<Day> Of(
        IReadOnlyCollection<Activity> upserts,
        IReadOnlyCollection<Stored> storedVersions,
        ChangeTracker tracker,
        IReadOnlyCollection<(Guid PersonId, DateOnly From, DateOnly To)> requested)
    {
        var days = new HashSet<Day>();
        foreach (var activity in upserts)
        {
            Add(days, activity.PersonId, activity.OccurredAt, activity.CreditedDuration, activity.IsScored);
        }

        foreach (var stored in storedVersions)
        {
            Add(days, stored.PersonId, stored.OccurredAt, stored.CreditedDuration, stored.IsScored);
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
