namespace WorkSights.Application.Common.Security;

/// <summary>
/// An integration client (an API key) sending a request for its workspace. It is not a person: it has no person id and
/// no role, and it may send only the requests <see cref="IntegratorRequests"/> lists, each for one of its scopes.
/// </summary>
/// <param name="KeyId">The key's row id.</param>
/// <param name="ClientId">The key's public client id.</param>
/// <param name="Scopes">The <see cref="Domain.ApiKeys.ApiScopes"/> the key held when its token was checked.</param>
public sealed record ApiClient(Guid KeyId, string ClientId, IReadOnlySet<string> Scopes)
{
    public bool Holds(string scope) => Scopes.Contains(scope);
}
