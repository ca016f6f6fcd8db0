using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.GetReportBar;

/// <summary>What the date bar and filters of the reporting pages offer the signed-in person.</summary>
/// <param name="PersonId">The person the page is narrowed to, if any: named in the bar when the viewer sees them.</param>
[RequiresRole(PersonRole.Member, PersonRole.Manager, PersonRole.Executive, PersonRole.Owner)]
public sealed record GetReportBarQuery(Guid? PersonId = null) : IQuery<ReportBarDto>;
