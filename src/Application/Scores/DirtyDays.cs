using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;

namespace WorkSights.Application.Scores;

/// <summary>
/// Marks for changes that are not activities. A change of the schedule, target or holidays from a date on marks that
/// range with <see cref="IApplicationDbContext.MarkDaysDirty"/>; a change of time zone moves every day of the person, so
/// it marks them all with <see cref="MarkEveryDayAsync"/>; a change of the crediting table changes every day of
/// everyone, marked with <see cref="MarkEveryoneAsync"/>. Each is saved with the change itself.
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
        var person = await Extents(db, db.People.Where(p => p.Id == personId)).SingleOrDefaultAsync(cancellationToken);
        if (person is not null)
        {
            Mark(db, person, now);
        }
    }

    /// <summary>What <see cref="MarkEveryDayAsync"/> marks, for each of <paramref name="personIds"/>, read with one query.</summary>
    public static async Task MarkEveryDayOfAsync(IApplicationDbContext db, IReadOnlyCollection<Guid> personIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (personIds.Count == 0)
        {
            return;
        }

        foreach (var person in await Extents(db, db.People.Where(p => personIds.Contains(p.Id))).ToListAsync(cancellationToken))
        {
            Mark(db, person, now);
        }
    }

    /// <summary>What <see cref="MarkEveryDayAsync"/> marks, for every person of the workspace, read with one query.</summary>
    public static async Task MarkEveryoneAsync(IApplicationDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var person in await Extents(db, db.People).ToListAsync(cancellationToken))
        {
            Mark(db, person, now);
        }
    }

    private static IQueryable<Extent> Extents(IApplicationDbContext db, IQueryable<Person> people) =>
        people.AsNoTracking().Select(p => new Extent(
            p.Id,
            p.ImportedAt,
            db.PersonDays.Where(d => d.PersonId == p.Id).Min(d => (DateOnly?)d.Date),
            db.PersonDays.Where(d => d.PersonId == p.Id).Max(d => (DateOnly?)d.Date),
            db.Activities.Where(a => a.PersonId == p.Id).Min(a => (DateTimeOffset?)a.OccurredAt),
            db.Activities.Where(a => a.PersonId == p.Id).Max(a => (DateTimeOffset?)a.OccurredAt)));

    private static void Mark(IApplicationDbContext db, Extent person, DateTimeOffset now)
    {
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

        db.MarkDaysDirty(person.Id, candidates.Min(), candidates.Max());
    }

    private static DateOnly UtcDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    /// <summary>A person's import and the first and last of their stored days and items.</summary>
    private sealed record Extent(Guid Id, DateTimeOffset ImportedAt, DateOnly? FirstDay, DateOnly? LastDay, DateTimeOffset? FirstItem, DateTimeOffset? LastItem);
}
