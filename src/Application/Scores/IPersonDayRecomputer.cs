namespace WorkSights.Application.Scores;

/// <summary>
/// Brings person-days of the current workspace up to date at once: their <c>PersonDay</c>, hourly counts and places, the
/// affected team and workspace days; removes their dirty marks. The background recompute drains marked days with it;
/// a correction calls it for the one day it changed.
/// </summary>
public interface IPersonDayRecomputer
{
    Task RecomputeAsync(IReadOnlyCollection<PersonDate> days, CancellationToken cancellationToken);

    /// <summary>Rebuilds the team and workspace days of these dates from the person-days stored now (after people left them).</summary>
    Task RecomputeGroupDaysAsync(IReadOnlyCollection<DateOnly> dates, CancellationToken cancellationToken);
}

/// <summary>A person's local date.</summary>
public readonly record struct PersonDate(Guid PersonId, DateOnly Date);
