using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Accounts.IssueApiToken;

/// <summary>
/// An integration client proves its credentials to get an access token. Answers null for an unknown client, a wrong
/// secret, a revoked or expired key and a workspace that is gone or not connected, without saying which; on success
/// notes the key's use.
/// </summary>
[SentByWorkSights("the token endpoint, for an integration client presenting its client id and secret")]
public sealed record IssueApiTokenCommand(string ClientId, string ClientSecret) : ICommand<ApiTokenGrant?>;

/// <param name="KeyExpiresAt">The key's own expiry, which a token never outlives.</param>
public sealed record ApiTokenGrant(Guid KeyId, Guid WorkspaceId, string ClientId, IReadOnlyList<string> Scopes, DateTimeOffset? KeyExpiresAt);
