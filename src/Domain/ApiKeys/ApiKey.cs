using WorkSights.Domain.Common;

namespace WorkSights.Domain.ApiKeys;

/// <summary>
/// An integration client of one workspace: a program that reads the REST API with a client id and secret an Owner or
/// Technical Admin issued. Only a hash of the secret is kept. A revoked or expired key gets no token, and the tokens it
/// already holds stop working on their next request.
/// </summary>
public sealed class ApiKey : ITenantOwned
{
    public const int MaximumNameLength = 100;

    public const int ClientIdLength = 40;

    /// <summary>A key lives at most a year; one that should last longer is issued again.</summary>
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays(366);

    private ApiKey()
    {
        Name = ClientId = SecretHash = Scopes = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>What the key is for, in the issuer's words ("Payroll export").</summary>
    public string Name { get; private set; }

    /// <summary>The public half of the credentials, e.g. <c>wsk_…</c>; unique across workspaces.</summary>
    public string ClientId { get; private set; }

    /// <summary>SHA-256 of the secret, in lower-case hex; the secret itself is shown once and never stored.</summary>
    public string SecretHash { get; private set; }

    /// <summary>The <see cref="ApiScopes"/> the key holds, separated by spaces.</summary>
    public string Scopes { get; private set; }

    public Guid? CreatedByPersonId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public Guid? RevokedByPersonId { get; private set; }

    /// <summary>When the key last got a token or read the API (to within a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static ApiKey Issue(
        Guid tenantId, string name, string clientId, string secretHash, IEnumerable<string> scopes, Guid? createdBy, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (tenantId == Guid.Empty)
        {
            throw new DomainRuleViolationException("An API key belongs to a workspace.");
        }

        Guard.Utc(now, "Creation time");
        if (expiresAt is { } expiry && (Guard.Utc(expiry, "Expiry") <= now || expiry - now > MaximumLifetime))
        {
            throw new DomainRuleViolationException("An API key expires after it is created and within a year.");
        }

        var chosen = scopes.Append(ApiScopes.WorkspaceRead).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.FirstOrDefault(s => !ApiScopes.IsKnown(s)) is { } unknown)
        {
            throw new DomainRuleViolationException($"\"{unknown}\" is not something an API key can read.");
        }

        if (secretHash is not { Length: 64 } || !secretHash.All(char.IsAsciiHexDigitLower))
        {
            throw new DomainRuleViolationException("An API key keeps its secret as a SHA-256 hash.");
        }

        return new ApiKey
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            Name = Guard.Required(name, "Name", MaximumNameLength),
            ClientId = Guard.Required(clientId, "Client id", ClientIdLength),
            SecretHash = secretHash,
            Scopes = string.Join(' ', ApiScopes.All.Where(chosen.Contains)),
            CreatedByPersonId = createdBy,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
    }

    public bool Holds(string scope) => ScopeList.Contains(scope, StringComparer.Ordinal);

    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expiry && now >= expiry;

    /// <summary>Neither revoked nor expired at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => !IsRevoked && !IsExpiredAt(now);

    /// <summary>Revokes the key once; revoking it again changes nothing and answers false.</summary>
    public bool Revoke(DateTimeOffset now, Guid? by)
    {
        if (IsRevoked)
        {
            return false;
        }

        RevokedAt = Guard.Utc(now, "Revocation time");
        RevokedByPersonId = by;
        return true;
    }

    /// <summary>Notes a use; answers whether <see cref="LastUsedAt"/> moved (it moves at most once per <paramref name="precision"/>).</summary>
    public bool UsedAt(DateTimeOffset now, TimeSpan precision)
    {
        if (LastUsedAt is { } last && now - last < precision)
        {
            return false;
        }

        LastUsedAt = Guard.Utc(now, "Last use");
        return true;
    }
}
