using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Scores;

/// <summary>
/// Marks for changes that are not activities. A change of the schedule, target or holidays from a date on marks that
/// range with <see cref="IApplicationDbContext.MarkDaysDirty"/>; a change of time zone moves every day of the person, so
/// it marks them all with <see cref="MarkEveryDayAsync"/>. Either is saved with the change itself.
/// </summary>
public static class DirtyDays
{
    /// <summary>
    /// Marks every date the person has a result on or could have one: their stored days, the dates of their items in any
    /// zone, and their history (from <see cref="ScoredDays.HistoryDays"/> days before their import) up to tomorrow.
    /// </summary>
    public static async Task MarkEveryDayAsync(IApplicationDbContext db, Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var person = await db.People.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new
            {
                p.ImportedAt,
                FirstDay = db.PersonDays.Where(d => d.PersonId == p.Id).Min(d => (DateOnly?)d.Date),
                LastDay = db.PersonDays.Where(d => d.PersonId == p.Id).Max(d => (DateOnly?)d.Date),
                FirstItem = db.Activities.Where(a => a.PersonId == p.Id).Min(a => (DateTimeOffset?)a.OccurredAt),
                LastItem = db.Activities.Where(a => a.PersonId == p.Id).Max(a => (DateTimeOffset?)a.OccurredAt),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return;
        }

        var candidates = new List<DateOnly>
        {
            UtcDate(person.ImportedAt).AddDays(-ScoredDays.HistoryDays - 1),
            UtcDate(now).AddDays(2),
        };
        candidates.AddRange(new[] { person.FirstDay, person.LastDay }.OfType<DateOnly>());
        if (person.FirstItem is { } first && person.LastItem is { } last)
        {
            candidates.Add(UtcDate(first).AddDays(-1));
            candidates.Add(UtcDate(last + StoredActivity.LongestReach).AddDays(1));
        }

        db.MarkDaysDirty(personId, candidates.Min(), candidates.Max());
    }

    /// <summary>
    /// Marks every date anyone of the workspace (or of <paramref name="personIds"/>) has or could have a result on: one
    /// range for all of them, from the earliest stored day, item or history to tomorrow, found with a handful of queries.
    /// </summary>
    public static async Task MarkEveryDayOfEveryoneAsync(
        IApplicationDbContext db, IReadOnlyCollection<Guid>? personIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var people = personIds ?? await db.People.AsNoTracking().Select(p => p.Id).ToListAsync(cancellationToken);
        if (people.Count == 0)
        {
            return;
        }

        var (from, to) = await EveryDayRangeAsync(db, now, cancellationToken);
        foreach (var personId in people)
        {
            db.MarkDaysDirty(personId, from, to);
        }
    }

    /// <summary>The dates anyone of the workspace has or could have a result on: from the earliest stored day, item or history to tomorrow.</summary>
    public static async Task<(DateOnly From, DateOnly To)> EveryDayRangeAsync(IApplicationDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var earliestImport = await db.People.AsNoTracking().MinAsync(p => (DateTimeOffset?)p.ImportedAt, cancellationToken) ?? now;
        var candidates = new List<DateOnly>
        {
            UtcDate(earliestImport).AddDays(-ScoredDays.HistoryDays - 1),
            UtcDate(now).AddDays(2),
        };
        candidates.AddRange(new[]
        {
            await db.PersonDays.AsNoTracking().MinAsync(d => (DateOnly?)d.Date, cancellationToken),
            await db.PersonDays.AsNoTracking().MaxAsync(d => (DateOnly?)d.Date, cancellationToken),
        }.OfType<DateOnly>());
        var firstItem = await db.Activities.AsNoTracking().MinAsync(a => (DateTimeOffset?)a.OccurredAt, cancellationToken);
        var lastItem = await db.Activities.AsNoTracking().MaxAsync(a => (DateTimeOffset?)a.OccurredAt, cancellationToken);
        if (firstItem is { } first && lastItem is { } last)
        {
            candidates.Add(UtcDate(first).AddDays(-1));
            candidates.Add(UtcDate(last + StoredActivity.LongestReach).AddDays(1));
        }

        return (candidates.Min(), candidates.Max());
    }

    private static DateOnly UtcDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}
