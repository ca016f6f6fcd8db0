using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Accounts.GetAccountSettings;

/// <summary>What Account View shows of the workspace: the company as saved, score visibility, retention and privacy mode.</summary>
[RequiresRole(PersonRole.Owner)]
public sealed record GetAccountSettingsQuery : IQuery<AccountSettingsDto>;

/// <param name="IsSetupComplete">False until Account Setup was first saved: the company details are not editable here yet.</param>
/// <param name="RetentionDays">Null while activities are kept until the workspace is deleted.</param>
public sealed record AccountSettingsDto(
    bool IsSetupComplete,
    string CompanyName,
    string PrimaryDomain,
    string? Industry,
    CompanySize? Size,
    string? CountryCode,
    bool ScoresVisibleToMembers,
    int? RetentionDays,
    bool PrivacyModeOn,
    int MinimumGroupSize);
