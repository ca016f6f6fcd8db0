using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Onboarding.GetAccountSetup;

/// <summary>The company details as saved, or sensible suggestions before the first save.</summary>
[RequiresRole(PersonRole.Owner)]
public sealed record GetAccountSetupQuery : IQuery<AccountSetupDto>;

public sealed record AccountSetupDto(
    string CompanyName,
    string PrimaryDomain,
    string? Industry,
    Domain.Tenants.CompanySize? Size,
    string? CountryCode,
    string TimeZoneId,
    IReadOnlyList<DayOfWeek> WorkDays,
    TimeOnly ScheduleStart,
    TimeOnly ScheduleEnd,
    int DefaultTargetPercent,
    bool IsSetupComplete);
