using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Onboarding.SaveAccountSetup;

[RequiresRole(PersonRole.Owner)]
public sealed record SaveAccountSetupCommand(
    string CompanyName,
    string PrimaryDomain,
    string Industry,
    CompanySize Size,
    string CountryCode,
    string TimeZoneId,
    IReadOnlyList<DayOfWeek> WorkDays,
    TimeOnly ScheduleStart,
    TimeOnly ScheduleEnd,
    int DefaultTargetPercent) : ICommand;
