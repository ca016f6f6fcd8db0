using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.GetApiKeys;

/// <summary>The workspace's API keys, newest first, with who created them and when they were last used; never a secret.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record GetApiKeysQuery : IQuery<ApiKeysDto>;

/// <param name="MayIssueReportKeys">Only an Owner may issue a key that reads scores.</param>
public sealed record ApiKeysDto(IReadOnlyList<ApiKeyDto> Keys, bool MayIssueReportKeys);

/// <param name="CreatedBy">The name of the person who created it; null when they are no longer in the directory.</param>
public sealed record ApiKeyDto(
    Guid Id,
    string Name,
    string ClientId,
    IReadOnlyList<string> Scopes,
    string? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt,
    ApiKeyState State);

public enum ApiKeyState
{
    Active = 1,
    Expired = 2,
    Revoked = 3,
}
