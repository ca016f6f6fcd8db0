namespace WorkSights.Application.Scores;

/// <summary>The calendars the score engine computes each person's days with, for the current workspace.</summary>
public interface IWorkCalendars
{
    /// <summary>A calendar for each of <paramref name="personIds"/> that belongs to the workspace; others are left out.</summary>
    Task<IReadOnlyDictionary<Guid, PersonCalendar>> ForPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken);
}
