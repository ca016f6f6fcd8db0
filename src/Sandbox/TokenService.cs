using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WorkSights.Sandbox;

/// <summary>The principal behind a validated access token (Graph or the Management Activity API).</summary>
internal sealed record GraphPrincipal(string TenantId, IReadOnlyList<string> Roles, bool IsApp, string? AppId = null);

/// <summary>Creates and validates the JWTs the sandbox issues.</summary>
internal sealed class TokenService(SandboxState state)
{
    public const string GraphAudience = "https://graph.microsoft.com";
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    public const string ManagementAudience = "https://manage.office.com";

    private readonly JsonWebTokenHandler handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string StsIssuer(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    public static string PairwiseSubject(string oid, string clientId) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes($"{oid}|{clientId}")))[..43];

    public string CreateIdToken(string baseUrl, SandboxTenantInfo tenant, SandboxUser user, SandboxClientApp app, string? nonce, IReadOnlyList<string> scopes)
    {
        var clientId = app.ClientId;
        var now = state.Clock.GetUtcNow();
        var fault = state.Faults.TakeIdTokenFault();
        var issuedAt = fault == SandboxIdTokenFault.Expired ? now.AddHours(-2) : now;
        var expires = issuedAt.AddHours(1);
        var issuerTenant = tenant.TenantId;
        if (fault == SandboxIdTokenFault.IssuerTenantMismatch)
        {
            issuerTenant = SandboxTenants.All.First(t => t.TenantId != tenant.TenantId).TenantId;
        }

        var claims = new Dictionary<string, object>
        {
            ["aud"] = fault == SandboxIdTokenFault.WrongAudience ? Guid.NewGuid().ToString() : clientId,
            ["iss"] = fault == SandboxIdTokenFault.WrongIssuer ? $"https://login.example.invalid/{tenant.TenantId}/v2.0" : $"{baseUrl}{issuerTenant}/v2.0",
            ["iat"] = EpochTime.GetIntDate(issuedAt.UtcDateTime),
            ["nbf"] = EpochTime.GetIntDate(issuedAt.UtcDateTime),
            ["exp"] = EpochTime.GetIntDate(expires.UtcDateTime),
            ["ver"] = "2.0",
            ["tid"] = tenant.TenantId,
            ["sub"] = PairwiseSubject(user.Id, clientId),
            ["aio"] = OpaqueProtector.RandomToken(24),
            ["uti"] = OpaqueProtector.RandomToken(16),
        };
        if (nonce is not null)
        {
            claims["nonce"] = fault == SandboxIdTokenFault.WrongNonce ? "not-" + nonce : nonce;
        }

        // oid, name and preferred_username need the profile scope; the ASP.NET handler always asks for it.
        if (scopes.Contains("profile"))
        {
            claims["oid"] = user.Id;
            claims["name"] = user.DisplayName;
            claims["preferred_username"] = user.UserPrincipalName;
        }

        if (user.Mail is not null)
        {
            claims["email"] = user.Mail;
        }

        if (app.EmitsDirectoryRoles && user.DirectoryRoleIds.Count > 0)
        {
            claims["wids"] = user.DirectoryRoleIds.ToArray();
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            TokenType = "JWT",
            SigningCredentials = fault switch
            {
                SandboxIdTokenFault.AlgNone => null,
                SandboxIdTokenFault.BadSignature => state.Keys.RogueCredentials,
                _ => state.Keys.SigningCredentials,
            },
        };
        return handler.CreateToken(descriptor);
    }

    public string CreateUserAccessToken(SandboxTenantInfo tenant, SandboxUser user, SandboxClientApp app, IReadOnlyList<string> scopes)
    {
        var now = state.Clock.GetUtcNow();
        var claims = BaseAccessClaims(tenant.TenantId, GraphAudience, now);
        claims["oid"] = user.Id;
        claims["sub"] = PairwiseSubject(user.Id, app.ClientId);
        claims["appid"] = app.ClientId;
        claims["app_displayname"] = app.DisplayName;
        claims["idtyp"] = "user";
        claims["name"] = user.DisplayName;
        claims["upn"] = user.UserPrincipalName;
        claims["scp"] = string.Join(' ', scopes);
        if (app.EmitsDirectoryRoles && user.DirectoryRoleIds.Count > 0)
        {
            claims["wids"] = user.DirectoryRoleIds.ToArray();
        }

        return Sign(claims);
    }

    public string CreateAppAccessToken(string tenantId, SandboxClientApp app, string servicePrincipalId, string audience, IReadOnlyList<string> roles)
    {
        var now = state.Clock.GetUtcNow();
        var claims = BaseAccessClaims(tenantId, audience, now);
        claims["oid"] = servicePrincipalId;
        claims["sub"] = servicePrincipalId;
        claims["appid"] = app.ClientId;
        claims["appidacr"] = "1";
        claims["app_displayname"] = app.DisplayName;
        claims["idtyp"] = "app";
        if (roles.Count > 0)
        {
            claims["roles"] = roles.ToArray();
        }

        return Sign(claims);
    }

    public Task<GraphPrincipal?> ValidateGraphTokenAsync(string token) => ValidateAccessTokenAsync(token, GraphAudience, GraphAppId);

    /// <summary>A token this sandbox issued for one of <paramref name="audiences"/>, still valid, for a known tenant.</summary>
    public async Task<GraphPrincipal?> ValidateAccessTokenAsync(string token, params string[] audiences)
    {
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = state.Keys.SigningKey,
            ValidAudiences = audiences,
            ValidateIssuer = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.Zero,
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = state.Clock.GetUtcNow().UtcDateTime;
                return expires is not null && expires.Value > now && (notBefore is null || notBefore.Value <= now.AddSeconds(1));
            },
        };
        var result = await handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        if (!jwt.TryGetPayloadValue<string>("tid", out var tid) || state.Directory.ResolveTenant(tid) is null || jwt.Issuer != StsIssuer(tid))
        {
            return null;
        }

        var roles = jwt.Claims.Where(c => c.Type == "roles").Select(c => c.Value).ToArray();
        var isApp = jwt.TryGetPayloadValue<string>("idtyp", out var idtyp) && idtyp == "app";
        jwt.TryGetPayloadValue<string>("appid", out var appId);
        return new GraphPrincipal(tid, roles, isApp, appId);
    }

    private Dictionary<string, object> BaseAccessClaims(string tenantId, string audience, DateTimeOffset now) => new()
    {
        ["aud"] = audience,
        ["iss"] = StsIssuer(tenantId),
        ["idp"] = StsIssuer(tenantId),
        ["iat"] = EpochTime.GetIntDate(now.UtcDateTime),
        ["nbf"] = EpochTime.GetIntDate(now.UtcDateTime),
        ["exp"] = EpochTime.GetIntDate(now.Add(state.Options.AccessTokenLifetime).UtcDateTime),
        ["tid"] = tenantId,
        ["ver"] = "1.0",
        ["uti"] = OpaqueProtector.RandomToken(16),
        ["rh"] = OpaqueProtector.RandomToken(12),
    };

    private string Sign(Dictionary<string, object> claims) => handler.CreateToken(new SecurityTokenDescriptor
    {
        Claims = claims,
        TokenType = "JWT",
        SigningCredentials = state.Keys.SigningCredentials,
    });
}
