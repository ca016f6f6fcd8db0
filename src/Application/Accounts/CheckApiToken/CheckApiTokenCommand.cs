using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Accounts.CheckApiToken;

/// <summary>
/// A request arrived with an access token of this key: may it still read, and what? A command, not a query: it notes the
/// key's last use. Revoking the key, its expiry, or the workspace's deletion or disconnection ends its tokens here.
/// </summary>
[SentByWorkSights("the API token's validation, on every request")]
public sealed record CheckApiTokenCommand(Guid WorkspaceId, Guid KeyId) : ICommand<ApiTokenCheck>;

/// <param name="Scopes">What the key may read now; empty when it may not.</param>
public sealed record ApiTokenCheck(bool IsActive, string? ClientId, IReadOnlyList<string> Scopes)
{
    public static readonly ApiTokenCheck Ended = new(false, null, []);
}
