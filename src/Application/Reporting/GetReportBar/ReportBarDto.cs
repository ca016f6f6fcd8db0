using NodaTime;

namespace WorkSights.Application.Reporting.GetReportBar;

/// <param name="Today">Today in the signed-in person's own time zone.</param>
/// <param name="Teams">The teams of the people the viewer sees, by name.</param>
/// <param name="Managers">The managers among the people the viewer sees, by name.</param>
/// <param name="Roles">The job titles of the people the viewer sees, by name; none under privacy mode, where a title could single a person out.</param>
/// <param name="Person">The person asked for, by the name (or pseudonym) the pages show; null when the viewer does not see them.</param>
public sealed record ReportBarDto(LocalDate Today, IReadOnlyList<string> Teams, IReadOnlyList<PersonOption> Managers, IReadOnlyList<string> Roles, PersonOption? Person = null);

public sealed record PersonOption(Guid Id, string Name);
