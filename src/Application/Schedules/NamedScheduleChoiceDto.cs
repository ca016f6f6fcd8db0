using WorkSights.Domain.Schedules;

namespace WorkSights.Application.Schedules;

/// <summary>A named schedule offered as a choice: a person's schedule tab and the Users page's bulk change list them.</summary>
/// <param name="Summary">The week in words, e.g. "Mon–Thu 08:00–18:00".</param>
public sealed record NamedScheduleChoiceDto(Guid Id, string Name, string Summary)
{
    public static IReadOnlyList<NamedScheduleChoiceDto> Of(IEnumerable<NamedSchedule> schedules) =>
        [.. schedules.ByName().Select(s => new NamedScheduleChoiceDto(s.Id, s.Name, ScheduleText.Of(s.Week)))];
}
