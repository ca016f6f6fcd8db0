using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.GetReportBar;

/// <summary>What the date bar and filters of the reporting pages offer the signed-in person.</summary>
[RequiresRole(PersonRole.Member, PersonRole.Manager, PersonRole.Executive, PersonRole.Owner)]
public sealed record GetReportBarQuery : IQuery<ReportBarDto>;
