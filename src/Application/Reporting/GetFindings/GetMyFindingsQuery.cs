using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.GetFindings;

/// <summary>What the observers noticed in the signed-in person's own last <see cref="ObservedPeople.WindowDays"/> days (My Overview).</summary>
[RequiresRole(PersonRole.Member, PersonRole.Manager, PersonRole.Executive, PersonRole.Owner)]
public sealed record GetMyFindingsQuery : IQuery<IReadOnlyList<FindingDto>>;
