using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.GetFindings;

/// <summary>What the observers noticed in the last <see cref="ObservedPeople.WindowDays"/> days of the people the viewer sees, filtered; newest first.</summary>
[RequiresRole(PersonRole.Manager, PersonRole.Executive, PersonRole.Owner)]
public sealed record GetTeamFindingsQuery(ReportFilter Filter) : IQuery<IReadOnlyList<FindingDto>>;
