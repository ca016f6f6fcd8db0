using WorkSights.Domain.Common;

namespace WorkSights.Domain.Onboarding;

/// <summary>
/// One trip to the provider's admin-consent page. Its state is single-use, short-lived and bound to the signed-in
/// person who started it, because the consent callback itself carries no proof of who answered it.
/// </summary>
public sealed class ConsentRequest
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private ConsentRequest()
    {
        StateHash = ExternalTenantId = RequestedByObjectId = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>SHA-256 of the state value sent to the provider; the value itself is never stored.</summary>
    public string StateHash { get; private set; }

    public string ExternalTenantId { get; private set; }

    public string RequestedByObjectId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public static ConsentRequest Start(string stateHash, string externalTenantId, string requestedByObjectId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        StateHash = Guard.Required(stateHash, "State", 128),
        ExternalTenantId = Guard.Required(externalTenantId, "External tenant id", 64).ToLowerInvariant(),
        RequestedByObjectId = Guard.Required(requestedByObjectId, "Object id", 64).ToLowerInvariant(),
        CreatedAt = Guard.Utc(now, "Creation time"),
    };

    /// <summary>Uses the request up, or says why the callback cannot be trusted.</summary>
    public ConsentCallbackVerdict Redeem(string signedInTenantId, string signedInObjectId, string? answeringTenantId, DateTimeOffset now)
    {
        if (UsedAt is not null)
        {
            return ConsentCallbackVerdict.AlreadyUsed;
        }

        if (now - CreatedAt > Lifetime)
        {
            return ConsentCallbackVerdict.Expired;
        }

        if (!string.Equals(signedInTenantId, ExternalTenantId, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(signedInObjectId, RequestedByObjectId, StringComparison.OrdinalIgnoreCase))
        {
            return ConsentCallbackVerdict.NotTheRequester;
        }

        if (answeringTenantId is not null && !string.Equals(answeringTenantId, ExternalTenantId, StringComparison.OrdinalIgnoreCase))
        {
            return ConsentCallbackVerdict.TenantMismatch;
        }

        UsedAt = now;
        return ConsentCallbackVerdict.Valid;
    }
}
