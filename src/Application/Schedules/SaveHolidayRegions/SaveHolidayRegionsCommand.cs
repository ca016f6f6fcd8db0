using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Schedules.SaveHolidayRegions;

/// <summary>An Owner chooses whose public holidays the workspace observes, and the region of people without one.</summary>
[RequiresRole(PersonRole.Owner)]
public sealed record SaveHolidayRegionsCommand(IReadOnlyCollection<string> Regions, string? DefaultRegion) : ICommand;
