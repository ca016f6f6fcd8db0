using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.RevokeApiKey;

/// <summary>Revokes an API key of the workspace: it gets no new token, and the tokens it holds stop working on their next request.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record RevokeApiKeyCommand(Guid ApiKeyId) : ICommand;
