using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Observers.SaveObserverThresholds;

/// <summary>An Owner sets when the observers speak up for the workspace.</summary>
[RequiresRole(PersonRole.Owner)]
public sealed record SaveObserverThresholdsCommand(
    int OverloadDays,
    int VeryLightDays,
    int AfterHoursWeeks,
    int MeetingSharePercent,
    int FocusMinutes,
    int NoFocusDays) : ICommand;
