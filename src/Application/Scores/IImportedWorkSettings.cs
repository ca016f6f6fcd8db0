using NodaTime;

namespace WorkSights.Application.Scores;

/// <summary>
/// What each person's mailbox settings say about their working time: the layer between the workspace's default and an
/// edit made in WorkSights (which always wins).
/// </summary>
public interface IImportedWorkSettings
{
    /// <summary>The imported settings of each of <paramref name="personIds"/> that has any; others are left out.</summary>
    Task<IReadOnlyDictionary<Guid, ImportedWorkSettings>> ForPeopleAsync(
        IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken);
}

/// <summary>A person's imported time zone (null when the mailbox names none WorkSights knows) and working hours.</summary>
public sealed record ImportedWorkSettings(DateTimeZone? Zone, ImportedWorkingHours? Hours);

/// <summary>Outlook's working hours: the work days and the hours on them, in <paramref name="Zone"/> (which may differ from the person's zone).</summary>
public sealed record ImportedWorkingHours(DateTimeZone Zone, IReadOnlySet<IsoDayOfWeek> WorkDays, LocalTime Start, LocalTime End);
