using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace WorkSights.Sandbox;

/// <summary>login.microsoftonline.com look-alike: discovery, JWKS, authorize, token, admin consent, logout.</summary>
internal static class IdentityEndpoints
{
    public const string SessionCookie = "sbx_session";
    private const string GraphDefaultScope = "https://graph.microsoft.com/.default";

    private sealed record Authority(string Segment, SandboxTenantInfo? Tenant, bool IsMulti);

    private sealed record SessionPayload(string T, string U);

    public static void Map(WebApplication app, SandboxState state)
    {
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", ctx => DiscoveryAsync(ctx, state));
        app.MapGet("/{tenant}/discovery/v2.0/keys", ctx => KeysAsync(ctx, state));
        app.MapGet("/{tenant}/oauth2/v2.0/authorize", ctx => AuthorizeAsync(ctx, state));
        app.MapPost("/{tenant}/oauth2/v2.0/authorize", ctx => AuthorizeAsync(ctx, state));
        app.MapPost("/{tenant}/oauth2/v2.0/token", ctx => TokenAsync(ctx, state));
        app.MapGet("/{tenant}/v2.0/adminconsent", ctx => AdminConsentAsync(ctx, state));
        app.MapPost("/{tenant}/v2.0/adminconsent", ctx => AdminConsentAsync(ctx, state));
        app.MapGet("/{tenant}/oauth2/v2.0/logout", ctx => LogoutAsync(ctx, state));
        app.MapPost("/{tenant}/oauth2/v2.0/logout", ctx => LogoutAsync(ctx, state));
    }

    private static Authority? ResolveAuthority(HttpContext ctx, SandboxState state)
    {
        var segment = (string)ctx.Request.RouteValues["tenant"]!;
        if (segment is "common" or "organizations" or "consumers")
        {
            return new Authority(segment, null, true);
        }

        var tenant = state.Directory.ResolveTenant(segment);
        return tenant is null ? null : new Authority(segment, tenant, false);
    }

    private static Task DiscoveryAsync(HttpContext ctx, SandboxState state)
    {
        var authority = ResolveAuthority(ctx, state);
        if (authority is null)
        {
            return TenantNotFoundAsync(ctx, state);
        }

        var b = state.BaseFor(ctx);
        var seg = authority.Segment;
        var issuer = authority.IsMulti ? $"{b}{{tenantid}}/v2.0" : $"{b}{authority.Tenant!.TenantId}/v2.0";
        var doc = new JsonObject
        {
            ["token_endpoint"] = $"{b}{seg}/oauth2/v2.0/token",
            ["token_endpoint_auth_methods_supported"] = Arr("client_secret_post", "private_key_jwt", "client_secret_basic"),
            ["jwks_uri"] = $"{b}{seg}/discovery/v2.0/keys",
            ["response_modes_supported"] = Arr("query", "fragment", "form_post"),
            ["subject_types_supported"] = Arr("pairwise"),
            ["id_token_signing_alg_values_supported"] = Arr("RS256"),
            ["response_types_supported"] = Arr("code", "id_token", "code id_token", "id_token token"),
            ["scopes_supported"] = Arr("openid", "profile", "email", "offline_access"),
            ["issuer"] = issuer,
            ["request_uri_parameter_supported"] = false,
            ["userinfo_endpoint"] = "https://graph.microsoft.com/oidc/userinfo",
            ["authorization_endpoint"] = $"{b}{seg}/oauth2/v2.0/authorize",
            ["device_authorization_endpoint"] = $"{b}{seg}/oauth2/v2.0/devicecode",
            ["http_logout_supported"] = true,
            ["frontchannel_logout_supported"] = true,
            ["end_session_endpoint"] = $"{b}{seg}/oauth2/v2.0/logout",
            ["claims_supported"] = Arr("sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"),
            ["kerberos_endpoint"] = $"{b}{seg}/kerberos",
            ["tenant_region_scope"] = authority.IsMulti ? null : "NA",
            ["cloud_instance_name"] = "microsoftonline.com",
            ["cloud_graph_host_name"] = "graph.windows.net",
            ["msgraph_host"] = "graph.microsoft.com",
            ["rbac_url"] = "https://pas.windows.net",
        };
        return Http.JsonAsync(ctx, 200, doc);
    }

    private static Task KeysAsync(HttpContext ctx, SandboxState state)
    {
        var authority = ResolveAuthority(ctx, state);
        if (authority is null)
        {
            return TenantNotFoundAsync(ctx, state);
        }

        var rsa = state.Keys.Signing.GetRSAPublicKey()!;
        var p = rsa.ExportParameters(false);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = state.Keys.KeyId,
            ["x5t"] = state.Keys.KeyId,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["x5c"] = Arr(Convert.ToBase64String(state.Keys.Signing.RawData)),
            ["issuer"] = $"{state.BaseFor(ctx)}{{tenantid}}/v2.0",
        };
        return Http.JsonAsync(ctx, 200, new JsonObject { ["keys"] = new JsonArray(key) });
    }

    private static async Task AuthorizeAsync(HttpContext ctx, SandboxState state)
    {
        var q = ctx.Request.Query;
        var authority = ResolveAuthority(ctx, state);
        if (authority is null)
        {
            await ErrorPageAsync(ctx, "90002", "Sign-in failed", $"Tenant '{ctx.Request.RouteValues["tenant"]}' not found.").ConfigureAwait(false);
            return;
        }

        var (app, redirectUri) = await ValidateClientAsync(ctx, state, q["client_id"], q["redirect_uri"]).ConfigureAwait(false);
        if (app is null || redirectUri is null)
        {
            return;
        }

        var state_ = (string?)q["state"];
        var scopes = SplitScopes(q["scope"]);
        var responseType = ((string?)q["response_type"] ?? string.Empty).Trim();
        var responseMode = ((string?)q["response_mode"])?.Trim();
        responseMode ??= responseType.Contains("id_token", StringComparison.Ordinal) ? "fragment" : "query";
        if (responseMode is not ("query" or "fragment" or "form_post"))
        {
            responseMode = "query";
            await RespondToClientAsync(ctx, redirectUri, responseMode, Error("invalid_request", "AADSTS900144: The 'response_mode' parameter is not valid.", state_)).ConfigureAwait(false);
            return;
        }

        if (responseType != "code")
        {
            await RespondToClientAsync(ctx, redirectUri, responseMode, Error("unsupported_response_type", "AADSTS700054: response_type is not supported by the sandbox; use 'code'.", state_)).ConfigureAwait(false);
            return;
        }

        if (scopes.Count == 0)
        {
            await RespondToClientAsync(ctx, redirectUri, responseMode, Error("invalid_request", "AADSTS900144: The request body must contain the following parameter: 'scope'.", state_)).ConfigureAwait(false);
            return;
        }

        var nonce = (string?)q["nonce"];
        if (scopes.Contains("openid") && string.IsNullOrEmpty(nonce))
        {
            await RespondToClientAsync(ctx, redirectUri, responseMode, Error("invalid_request", "AADSTS900144: The request body must contain the following parameter: 'nonce'.", state_)).ConfigureAwait(false);
            return;
        }

        var challenge = (string?)q["code_challenge"];
        var method = (string?)q["code_challenge_method"] ?? "plain";
        if (!string.IsNullOrEmpty(challenge) && method is not ("S256" or "plain"))
        {
            await RespondToClientAsync(ctx, redirectUri, responseMode, Error("invalid_request", "AADSTS501491: Invalid size of Code_Challenge parameter or unsupported code_challenge_method.", state_)).ConfigureAwait(false);
            return;
        }

        var prompt = (string?)q["prompt"];
        var signedIn = await ResolveUserAsync(ctx, state, authority, allowSession: prompt is not ("login" or "select_account"), (string?)q["login_hint"]).ConfigureAwait(false);
        if (signedIn is null)
        {
            return;
        }

        if (signedIn.Value.User is null)
        {
            if (prompt == "none")
            {
                await RespondToClientAsync(ctx, redirectUri, responseMode, Error("login_required", "AADSTS50058: A silent sign-in request was sent but no user is signed in.", state_)).ConfigureAwait(false);
                return;
            }

            await ShowPickerAsync(ctx, state, null, (string?)q["login_hint"]).ConfigureAwait(false);
            return;
        }

        var (tenant, user) = (signedIn.Value.Tenant!, signedIn.Value.User);
        var code = OpaqueProtector.RandomToken(48);
        state.Codes[code] = new AuthorizationCodeGrant
        {
            ClientId = app.ClientId,
            RedirectUri = redirectUri,
            AuthorityTenantId = authority.Tenant?.TenantId,
            TenantId = tenant.TenantId,
            UserId = user.Id,
            Scopes = scopes,
            Nonce = nonce,
            CodeChallenge = string.IsNullOrEmpty(challenge) ? null : challenge,
            CodeChallengeMethod = method,
            ExpiresAt = state.Clock.GetUtcNow().AddMinutes(10),
        };
        PruneCodes(state);
        var parameters = new List<KeyValuePair<string, string?>> { new("code", code), new("state", state_), new("session_state", DirectorySessionState(user)) };
        await RespondToClientAsync(ctx, redirectUri, responseMode, parameters).ConfigureAwait(false);
    }

    private static string DirectorySessionState(SandboxUser user) => SandboxDirectory.StableGuid("session:" + user.Id);

    private static void PruneCodes(SandboxState state)
    {
        if (state.Codes.Count < 1000)
        {
            return;
        }

        var now = state.Clock.GetUtcNow();
        foreach (var (key, grant) in state.Codes)
        {
            if (grant.ExpiresAt < now.AddMinutes(-10))
            {
                state.Codes.TryRemove(key, out _);
            }
        }
    }

    private static List<KeyValuePair<string, string?>> Error(string error, string description, string? clientState) =>
        [new("error", error), new("error_description", description), new("state", clientState)];

    /// <summary>Client id and redirect URI checks that end in an error page (never a redirect).</summary>
    private static async Task<(SandboxClientApp? App, string? RedirectUri)> ValidateClientAsync(HttpContext ctx, SandboxState state, string? clientId, string? redirectUri)
    {
        var app = state.Directory.FindApp(clientId);
        if (app is null)
        {
            await ErrorPageAsync(ctx, "700016", "Sign-in failed",
                $"Application with identifier '{clientId}' was not found in the directory. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.").ConfigureAwait(false);
            return (null, null);
        }

        if (string.IsNullOrEmpty(redirectUri) || !app.RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            await ErrorPageAsync(ctx, "50011", "Sign-in failed",
                $"The redirect URI '{redirectUri}' specified in the request does not match the redirect URIs configured for the application '{app.ClientId}'. Make sure the redirect URI sent in the request matches one added to your application.").ConfigureAwait(false);
            return (app, null);
        }

        return (app, redirectUri);
    }

    /// <summary>Returns null when a response was already written; (null, null) when nobody is signed in yet.</summary>
    private static async Task<(SandboxTenantInfo? Tenant, SandboxUser? User)?> ResolveUserAsync(HttpContext ctx, SandboxState state, Authority authority, bool allowSession, string? loginHint)
    {
        SandboxTenantInfo? tenant = null;
        SandboxUser? user = null;
        if (HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.HasFormContentType)
        {
            var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
            var login = ((string?)form["login"])?.Trim();
            if (!string.IsNullOrEmpty(login))
            {
                var account = state.Directory.FindSignInAccount(login);
                if (account is null)
                {
                    await ShowPickerAsync(ctx, state,
                        "We couldn't find an account with that username. Try another, or pick one of the sandbox accounts below.", login).ConfigureAwait(false);
                    return null;
                }

                (tenant, user) = account.Value;
                SetSession(ctx, state, tenant, user);
            }
        }

        if (user is null && (allowSession || HttpMethods.IsPost(ctx.Request.Method)))
        {
            var session = ReadSession(ctx, state);
            if (session is not null)
            {
                (tenant, user) = session.Value;
            }
        }

        if (user is null)
        {
            return (null, null);
        }

        if (authority.Tenant is not null && authority.Tenant.TenantId != tenant!.TenantId || authority.Segment == "consumers")
        {
            await ErrorPageAsync(ctx, "50020", "Sign-in failed",
                $"User account '{user.UserPrincipalName}' from identity provider 'https://sts.windows.net/{tenant!.TenantId}/' does not exist in tenant '{authority.Tenant?.DisplayName ?? authority.Segment}' and cannot access the application in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.",
                "Use a different account: open this page again with prompt=select_account, or sign out first.").ConfigureAwait(false);
            return null;
        }

        return (tenant, user);
    }

    private static Task ShowPickerAsync(HttpContext ctx, SandboxState state, string? error, string? loginHint)
    {
        var picks = new List<(string, string)>();
        foreach (var t in SandboxTenants.All)
        {
            foreach (var email in new[] { t.AdminEmail, t.MemberEmail })
            {
                var account = state.Directory.FindSignInAccount(email);
                if (account is not null)
                {
                    var role = account.Value.User.DirectoryRoleIds.Contains(SandboxTenants.GlobalAdministratorRoleId) ? DirectoryRoles.NameOf(SandboxTenants.GlobalAdministratorRoleId) : account.Value.User.JobTitle;
                    picks.Add((email, $"{account.Value.User.DisplayName} · {role} · {t.DisplayName}"));
                }
            }
        }

        // Contoso's other role holders: one who can grant admin consent and one who cannot.
        var position = 1;
        foreach (var roleTemplateId in new[] { SandboxTenants.PrivilegedRoleAdministratorRoleId, SandboxTenants.ApplicationAdministratorRoleId })
        {
            var holder = state.Directory.GetUsers(SandboxTenants.Contoso.TenantId).FirstOrDefault(u => u.DirectoryRoleIds.Contains(roleTemplateId));
            if (holder?.Mail is not null)
            {
                picks.Insert(position++, (holder.Mail, $"{holder.DisplayName} · {DirectoryRoles.NameOf(roleTemplateId)} · {SandboxTenants.Contoso.DisplayName}"));
            }
        }

        var action = ctx.Request.Path.Value + ctx.Request.QueryString.Value;
        return Http.HtmlAsync(ctx, error is null ? 200 : 200, Pages.Picker(action, picks, error, loginHint));
    }

    private static void SetSession(HttpContext ctx, SandboxState state, SandboxTenantInfo tenant, SandboxUser user)
    {
        ctx.Response.Cookies.Append(SessionCookie, state.Protector.Protect(new SessionPayload(tenant.TenantId, user.Id)), new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = false,
            IsEssential = true,
        });
    }

    private static (SandboxTenantInfo Tenant, SandboxUser User)? ReadSession(HttpContext ctx, SandboxState state)
    {
        var payload = state.Protector.Unprotect<SessionPayload>(ctx.Request.Cookies[SessionCookie]);
        if (payload is null)
        {
            return null;
        }

        var tenant = state.Directory.ResolveTenant(payload.T);
        var user = tenant is null ? null : state.Directory.FindUser(tenant.TenantId, payload.U);
        return tenant is null || user is null || !user.AccountEnabled ? null : (tenant, user);
    }

    private static Task RespondToClientAsync(HttpContext ctx, string redirectUri, string mode, List<KeyValuePair<string, string?>> parameters)
    {
        switch (mode)
        {
            case "form_post":
                return Http.HtmlAsync(ctx, 200, Pages.FormPost(redirectUri, parameters));
            case "fragment":
                Http.Redirect(ctx, Http.AppendQuery(redirectUri, parameters, '#'));
                return Task.CompletedTask;
            default:
                Http.Redirect(ctx, Http.AppendQuery(redirectUri, parameters));
                return Task.CompletedTask;
        }
    }

    private static Task ErrorPageAsync(HttpContext ctx, string code, string title, string message, string? detail = null) =>
        Http.HtmlAsync(ctx, 400, Pages.Error(code, title, message, detail));

    private static async Task AdminConsentAsync(HttpContext ctx, SandboxState state)
    {
        var q = ctx.Request.Query;
        var authority = ResolveAuthority(ctx, state);
        if (authority is null)
        {
            await ErrorPageAsync(ctx, "90002", "Sign-in failed", $"Tenant '{ctx.Request.RouteValues["tenant"]}' not found.").ConfigureAwait(false);
            return;
        }

        var (app, redirectUri) = await ValidateClientAsync(ctx, state, q["client_id"], q["redirect_uri"]).ConfigureAwait(false);
        if (app is null || redirectUri is null)
        {
            return;
        }

        var clientState = (string?)q["state"];
        var scope = ((string?)q["scope"])?.Trim();
        if (!string.Equals(scope, GraphDefaultScope, StringComparison.OrdinalIgnoreCase))
        {
            Http.Redirect(ctx, Http.AppendQuery(redirectUri, Error("invalid_request",
                $"AADSTS70011: The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. Use '{GraphDefaultScope}'.", clientState)));
            return;
        }

        var signedIn = await ResolveUserAsync(ctx, state, authority, allowSession: true, (string?)q["login_hint"]).ConfigureAwait(false);
        if (signedIn is null)
        {
            return;
        }

        if (signedIn.Value.User is null)
        {
            await ShowPickerAsync(ctx, state, null, (string?)q["login_hint"]).ConfigureAwait(false);
            return;
        }

        var (tenant, user) = (signedIn.Value.Tenant!, signedIn.Value.User);
        var action = ctx.Request.Path.Value + ctx.Request.QueryString.Value;
        string? decision = null;
        if (HttpMethods.IsPost(ctx.Request.Method) && ctx.Request.HasFormContentType)
        {
            decision = (await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false))["decision"];
        }

        if (!user.CanGrantAdminConsent)
        {
            if (decision == "back")
            {
                Http.Redirect(ctx, Http.AppendQuery(redirectUri,
                [
                    new("error", "access_denied"),
                    new("error_subcode", "cancel"),
                    new("error_description", "AADSTS65004: User declined to consent to access the app."),
                    new("state", clientState),
                ]));
                return;
            }

            await Http.HtmlAsync(ctx, 200, Pages.NeedApproval(action, app, user)).ConfigureAwait(false);
            return;
        }

        switch (decision)
        {
            case "accept":
                state.Directory.GrantConsent(tenant.TenantId, app.ClientId);
                Http.Redirect(ctx, Http.AppendQuery(redirectUri,
                [
                    new("admin_consent", "True"),
                    new("tenant", tenant.TenantId),
                    new("scope", GraphDefaultScope),
                    new("state", clientState),
                ]));
                return;
            case "cancel":
                Http.Redirect(ctx, Http.AppendQuery(redirectUri,
                [
                    new("admin_consent", "True"),
                    new("error", "consent_required"),
                    new("error_description", "AADSTS65004: The resource owner or authorization server denied the request."),
                    new("state", clientState),
                ]));
                return;
            default:
                await Http.HtmlAsync(ctx, 200, Pages.ConsentReview(action, app, user, tenant)).ConfigureAwait(false);
                return;
        }
    }

    private static Task LogoutAsync(HttpContext ctx, SandboxState state)
    {
        ctx.Response.Cookies.Delete(SessionCookie, new CookieOptions { Path = "/" });
        var target = (string?)ctx.Request.Query["post_logout_redirect_uri"];
        if (!string.IsNullOrEmpty(target) && Uri.TryCreate(target, UriKind.Absolute, out var targetUri))
        {
            var origin = targetUri.GetLeftPart(UriPartial.Authority);
            var allowed = state.Directory.GetApps().SelectMany(a => a.RedirectUris)
                .Any(r => Uri.TryCreate(r, UriKind.Absolute, out var ru) && string.Equals(ru.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase));
            if (allowed)
            {
                Http.Redirect(ctx, Http.AppendQuery(target, [new("state", ctx.Request.Query["state"])]));
                return Task.CompletedTask;
            }
        }

        return Http.HtmlAsync(ctx, 200, Pages.SignedOut());
    }

    private static async Task TokenAsync(HttpContext ctx, SandboxState state)
    {
        if (!ctx.Request.HasFormContentType)
        {
            await AadErrorAsync(ctx, state, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.").ConfigureAwait(false);
            return;
        }

        var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
        var authority = ResolveAuthority(ctx, state);
        if (authority is null)
        {
            await AadErrorAsync(ctx, state, 400, "invalid_request", 90002, $"Tenant '{ctx.Request.RouteValues["tenant"]}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.").ConfigureAwait(false);
            return;
        }

        string? clientId = form["client_id"];
        string? secret = form["client_secret"];
        if (AuthenticationHeaderValue.TryParse(ctx.Request.Headers.Authorization, out var header) &&
            string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is not null)
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    clientId = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
                    secret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
                }
            }
            catch (FormatException)
            {
                await AadErrorAsync(ctx, state, 401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.").ConfigureAwait(false);
                return;
            }
        }

        var grantType = (string?)form["grant_type"];
        if (grantType == "client_credentials" && authority.IsMulti)
        {
            await AadErrorAsync(ctx, state, 400, "invalid_request", 9001023, "The grant type isn't supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.").ConfigureAwait(false);
            return;
        }

        var app = state.Directory.FindApp(clientId);
        if (app is null)
        {
            await AadErrorAsync(ctx, state, 400, "unauthorized_client", 700016,
                $"Application with identifier '{clientId}' was not found in the directory '{authority.Tenant?.DisplayName ?? authority.Segment}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.").ConfigureAwait(false);
            return;
        }

        if (string.IsNullOrEmpty(secret))
        {
            await AadErrorAsync(ctx, state, 401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.").ConfigureAwait(false);
            return;
        }

        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(app.ClientSecret)))
        {
            await AadErrorAsync(ctx, state, 401, "invalid_client", 7000215, $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{app.ClientId}'.").ConfigureAwait(false);
            return;
        }

        switch (grantType)
        {
            case "authorization_code":
                await AuthorizationCodeAsync(ctx, state, authority, app, form).ConfigureAwait(false);
                return;
            case "client_credentials":
                await ClientCredentialsAsync(ctx, state, authority.Tenant!, app, form).ConfigureAwait(false);
                return;
            case "refresh_token":
                await RefreshAsync(ctx, state, authority, app, form).ConfigureAwait(false);
                return;
            case null or "":
                await AadErrorAsync(ctx, state, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.").ConfigureAwait(false);
                return;
            default:
                await AadErrorAsync(ctx, state, 400, "unsupported_grant_type", 70003, $"The app requested an unsupported grant type '{grantType}'.").ConfigureAwait(false);
                return;
        }
    }

    private static async Task AuthorizationCodeAsync(HttpContext ctx, SandboxState state, Authority authority, SandboxClientApp app, IFormCollection form)
    {
        var code = (string?)form["code"];
        if (string.IsNullOrEmpty(code) || !state.Codes.TryGetValue(code, out var grant) || grant.ClientId != app.ClientId)
        {
            await AadErrorAsync(ctx, state, 400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid. The provided authorization code is not valid.").ConfigureAwait(false);
            return;
        }

        if (grant.Redeemed)
        {
            await AadErrorAsync(ctx, state, 400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.").ConfigureAwait(false);
            return;
        }

        if (grant.ExpiresAt < state.Clock.GetUtcNow())
        {
            await AadErrorAsync(ctx, state, 400, "invalid_grant", 70008, "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.").ConfigureAwait(false);
            return;
        }

        if ((authority.Tenant is not null && authority.Tenant.TenantId != grant.TenantId) ||
            (grant.AuthorityTenantId is not null && authority.Tenant is not null && authority.Tenant.TenantId != grant.AuthorityTenantId))
        {
            await AadErrorAsync(ctx, state, 400, "invalid_grant", 700005, "Provided Authorization Code is intended to use against other tenant, thus rejected.").ConfigureAwait(false);
            return;
        }

        if (!string.Equals((string?)form["redirect_uri"], grant.RedirectUri, StringComparison.Ordinal))
        {
            await AadErrorAsync(ctx, state, 400, "invalid_grant", 500112, $"The reply address '{(string?)form["redirect_uri"]}' does not match the reply address '{grant.RedirectUri}' provided when requesting Authorization code.").ConfigureAwait(false);
            return;
        }

        if (grant.CodeChallenge is not null)
        {
            var verifier = (string?)form["code_verifier"] ?? string.Empty;
            var computed = grant.CodeChallengeMethod == "S256" ? OpaqueProtector.Sha256Base64Url(verifier) : verifier;
            if (verifier.Length == 0 || !string.Equals(computed, grant.CodeChallenge, StringComparison.Ordinal))
            {
                await AadErrorAsync(ctx, state, 400, "invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request.").ConfigureAwait(false);
                return;
            }
        }

        if (!grant.TryRedeem())
        {
            await AadErrorAsync(ctx, state, 400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.").ConfigureAwait(false);
            return;
        }

        await IssueUserTokensAsync(ctx, state, app, grant.TenantId, grant.UserId, grant.Scopes, grant.Nonce).ConfigureAwait(false);
    }

    private static async Task RefreshAsync(HttpContext ctx, SandboxState state, Authority authority, SandboxClientApp app, IFormCollection form)
    {
        var token = (string?)form["refresh_token"];
        if (string.IsNullOrEmpty(token) || !state.RefreshTokens.TryGetValue(token, out var grant) || grant.ClientId != app.ClientId || grant.ExpiresAt < state.Clock.GetUtcNow())
        {
            await AadErrorAsync(ctx, state, 400, "invalid_grant", 9002313, "Invalid request. The provided refresh token is not valid or has expired.").ConfigureAwait(false);
            return;
        }

        if (authority.Tenant is not null && authority.Tenant.TenantId != grant.TenantId)
        {
            await AadErrorAsync(ctx, state, 400, "invalid_grant", 700005, "Provided refresh token is intended to use against other tenant, thus rejected.").ConfigureAwait(false);
            return;
        }

        await IssueUserTokensAsync(ctx, state, app, grant.TenantId, grant.UserId, grant.Scopes, null).ConfigureAwait(false);
    }

    private static async Task IssueUserTokensAsync(HttpContext ctx, SandboxState state, SandboxClientApp app, string tenantId, string userId, IReadOnlyList<string> scopes, string? nonce)
    {
        var tenant = state.Directory.ResolveTenant(tenantId)!;
        var user = state.Directory.FindUser(tenantId, userId);
        if (user is null || !user.AccountEnabled)
        {
            await AadErrorAsync(ctx, state, 400, "invalid_grant", 50057, "The user account is disabled or was deleted.").ConfigureAwait(false);
            return;
        }

        var resourceScopes = scopes.Where(s => s is not ("openid" or "profile" or "email" or "offline_access")).ToList();
        if (resourceScopes.Count == 0)
        {
            resourceScopes.Add("User.Read");
        }

        var granted = resourceScopes.Concat(scopes.Where(s => s is "openid" or "profile" or "email")).ToList();
        var lifetime = (long)state.Options.AccessTokenLifetime.TotalSeconds;
        var body = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = string.Join(' ', granted),
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = state.Tokens.CreateUserAccessToken(tenant, user, app, resourceScopes),
        };
        if (scopes.Contains("offline_access"))
        {
            var refresh = OpaqueProtector.RandomToken(64);
            state.RefreshTokens[refresh] = new RefreshGrant(app.ClientId, tenantId, userId, scopes, state.Clock.GetUtcNow().AddDays(90));
            body["refresh_token"] = refresh;
        }

        if (scopes.Contains("openid"))
        {
            body["id_token"] = state.Tokens.CreateIdToken(state.BaseFor(ctx), tenant, user, app, nonce, scopes);
        }

        body["client_info"] = Base64UrlEncoder.Encode($"{{\"uid\":\"{user.Id}\",\"utid\":\"{tenant.TenantId}\"}}");
        await Http.JsonAsync(ctx, 200, body).ConfigureAwait(false);
    }

    private static async Task ClientCredentialsAsync(HttpContext ctx, SandboxState state, SandboxTenantInfo tenant, SandboxClientApp app, IFormCollection form)
    {
        var scopes = SplitScopes(form["scope"]);
        if (scopes.Count == 0)
        {
            await AadErrorAsync(ctx, state, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'.").ConfigureAwait(false);
            return;
        }

        var resources = scopes.Select(s => s.EndsWith("/.default", StringComparison.OrdinalIgnoreCase) ? s[..^"/.default".Length] : null).ToList();
        if (resources.Any(r => r is null))
        {
            await AadErrorAsync(ctx, state, 400, "invalid_scope", 70011,
                $"The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope {string.Join(' ', scopes)} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).").ConfigureAwait(false);
            return;
        }

        if (resources.Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
        {
            await AadErrorAsync(ctx, state, 400, "invalid_scope", 700022, "The provided value for the input parameter scope is not valid because it contains more than one resource. Scope " + string.Join(' ', scopes) + " is not valid.").ConfigureAwait(false);
            return;
        }

        var resource = resources[0]!.TrimEnd('/');
        string audience;
        string resourceName;
        if (resource.Equals(TokenService.GraphAudience, StringComparison.OrdinalIgnoreCase) || resource.Equals(TokenService.GraphAppId, StringComparison.OrdinalIgnoreCase))
        {
            (audience, resourceName) = (TokenService.GraphAudience, "Microsoft Graph");
        }
        else if (resource.Equals(TokenService.ManagementAudience, StringComparison.OrdinalIgnoreCase))
        {
            (audience, resourceName) = (TokenService.ManagementAudience, "Office 365 Management APIs");
        }
        else
        {
            await AadErrorAsync(ctx, state, 400, "invalid_resource", 500011, $"The resource principal named {resource} was not found in the tenant named {tenant.DisplayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.").ConfigureAwait(false);
            return;
        }

        var consent = state.Directory.GetConsent(tenant.TenantId, app.ClientId);
        if (consent.ServicePrincipalId is null || consent.State is SandboxConsentState.NotConsented or SandboxConsentState.ServicePrincipalDeleted)
        {
            await AadErrorAsync(ctx, state, 401, "invalid_client", 7000229,
                $"The client application {app.ClientId} is missing service principal in the tenant {tenant.TenantId}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119").ConfigureAwait(false);
            return;
        }

        var roles = consent.Roles.Where(r => SandboxDirectory.RequestedPermissions.Any(p => p.Value == r && p.Resource == resourceName)).ToList();
        var lifetime = (long)state.Options.AccessTokenLifetime.TotalSeconds;
        await Http.JsonAsync(ctx, 200, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = state.Tokens.CreateAppAccessToken(tenant.TenantId, app, consent.ServicePrincipalId, audience, roles),
        }).ConfigureAwait(false);
    }

    private static List<string> SplitScopes(string? value) =>
        [.. (value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static Task TenantNotFoundAsync(HttpContext ctx, SandboxState state) =>
        AadErrorAsync(ctx, state, 400, "invalid_tenant", 90002, $"Tenant '{ctx.Request.RouteValues["tenant"]}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");

    private static Task AadErrorAsync(HttpContext ctx, SandboxState state, int status, string error, int code, string message)
    {
        var now = state.Clock.GetUtcNow();
        var traceId = Guid.NewGuid().ToString();
        var correlationId = Guid.TryParse(ctx.Request.Headers["client-request-id"], out var cid) ? cid.ToString() : Guid.NewGuid().ToString();
        var timestamp = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{code}: {message}\r\nTrace ID: {traceId}\r\nCorrelation ID: {correlationId}\r\nTimestamp: {timestamp}",
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = timestamp,
            ["trace_id"] = traceId,
            ["correlation_id"] = correlationId,
            ["error_uri"] = $"{state.BaseFor(ctx)}error?code={code}",
        };
        if (status == 401)
        {
            ctx.Response.Headers.WWWAuthenticate = "Basic realm=\"sandbox\"";
        }

        return Http.JsonAsync(ctx, status, body);
    }

    private static JsonArray Arr(params string[] values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
