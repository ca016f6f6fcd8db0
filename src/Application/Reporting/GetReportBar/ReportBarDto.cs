using NodaTime;

namespace WorkSights.Application.Reporting.GetReportBar;

/// <param name="Today">Today in the signed-in person's own time zone.</param>
/// <param name="Teams">The teams of the people the viewer sees, by name.</param>
/// <param name="Managers">The managers among the people the viewer sees, by name.</param>
public sealed record ReportBarDto(LocalDate Today, IReadOnlyList<string> Teams, IReadOnlyList<ManagerOption> Managers);

public sealed record ManagerOption(Guid Id, string Name);
