using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.CreateApiKey;

/// <summary>
/// Issues an API key for an integration: read-only, for this workspace, with the chosen scopes (the workspace itself
/// always). Only an Owner may issue a key that reads scores, since a Technical Admin sees none. The secret is answered
/// once and never stored.
/// </summary>
/// <param name="ExpiresInDays">Null: the key lasts until it is revoked.</param>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record CreateApiKeyCommand(string Name, IReadOnlyList<string> Scopes, int? ExpiresInDays) : ICommand<CreatedApiKey>;

/// <param name="Secret">Shown once, at creation; only its hash is kept.</param>
public sealed record CreatedApiKey(Guid Id, string Name, string ClientId, string Secret, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt);
