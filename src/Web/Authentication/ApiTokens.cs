using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;

namespace WorkSights.Web.Authentication;

/// <summary>
/// Access tokens of integration clients: opaque to the client, encrypted and authenticated with the app's
/// data-protection keys under a purpose of their own (so no cookie or other protected value can pass for one), bound to
/// this API's audience, and short-lived. docs/decisions/0006 says why not a JWT.
/// </summary>
public sealed class ApiTokens(IDataProtectionProvider protection)
{
    /// <summary>The audience every token names: this API, and nothing else.</summary>
    public const string Audience = "worksights-api";

    /// <summary>A prefix that tells a reader (and a secret scanner) what the string is.</summary>
    public const string Prefix = "wsat_";

    private readonly IDataProtector protector = protection.CreateProtector("WorkSights.Api.AccessToken.v1");

    public string Protect(ApiTokenPayload payload) =>
        Prefix + Base64Url.EncodeToString(protector.Protect(JsonSerializer.SerializeToUtf8Bytes(payload)));

    /// <summary>The payload of a token this app issued, or null for anything else (altered, foreign, truncated).</summary>
    public ApiTokenPayload? Unprotect(string token)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 4096)
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<ApiTokenPayload>(protector.Unprotect(Base64Url.DecodeFromChars(token.AsSpan(Prefix.Length))));
            return payload is { Audience: Audience } ? payload : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}

/// <param name="Subject">The client, as <c>client:wsk_…</c>: never a person's id, which is a bare GUID.</param>
public sealed record ApiTokenPayload(
    [property: JsonPropertyName("sub")] string Subject,
    [property: JsonPropertyName("aud")] string Audience,
    [property: JsonPropertyName("ws")] Guid WorkspaceId,
    [property: JsonPropertyName("kid")] Guid KeyId,
    [property: JsonPropertyName("cid")] string ClientId,
    [property: JsonPropertyName("scp")] IReadOnlyList<string> Scopes,
    [property: JsonPropertyName("iat")] DateTimeOffset IssuedAt,
    [property: JsonPropertyName("exp")] DateTimeOffset ExpiresAt)
{
    public const string SubjectPrefix = "client:";
}
