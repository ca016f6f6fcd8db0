using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace WorkSights.Sandbox.Tests;

public sealed class CodeFlowTests(SandboxFixture fixture) : SandboxTestBase(fixture)
{
    private const string Verifier = "a-very-long-code-verifier-string-for-pkce-0123456789abcdef";

    private static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private string AuthorizeUrl(string tenant = "organizations", string? nonce = "n-123", string mode = "form_post", string? prompt = null, string scope = "openid profile email offline_access", SandboxClientApp? app = null) =>
        $"{tenant}/oauth2/v2.0/authorize?client_id={(app ?? App).ClientId}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&response_type=code&response_mode={mode}" +
        $"&scope={Uri.EscapeDataString(scope)}&state=st-1&code_challenge={Challenge(Verifier)}&code_challenge_method=S256" +
        (nonce is null ? string.Empty : $"&nonce={nonce}") + (prompt is null ? string.Empty : $"&prompt={prompt}");

    /// <summary>authorize → picker → pick → form_post page; returns the code.</summary>
    private async Task<string> SignInAsync(HttpClient client, string email, string tenant = "organizations", SandboxClientApp? app = null)
    {
        using var picker = await client.GetAsync(AuthorizeUrl(tenant, prompt: "select_account", app: app));
        var html = await picker.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, picker.StatusCode);
        Assert.Contains("Microsoft identity platform (sandbox)", html, StringComparison.Ordinal);
        Assert.Contains($"data-account=\"{email}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"password\"", html, StringComparison.Ordinal);
        var action = FormAction(html, "signin-form");
        using var posted = await client.PostAsync(action.TrimStart('/'), new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = email }));
        var page = await posted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(RedirectUri, FormAction(page, "form-post"));
        Assert.Equal("st-1", FormValue(page, "state"));
        Assert.Contains("id=\"continue\"", page, StringComparison.Ordinal);
        return FormValue(page, "code");
    }

    private async Task<HttpResponseMessage> RedeemAsync(HttpClient client, string code, string verifier = Verifier, string tenant = "organizations", SandboxClientApp? app = null) =>
        await client.PostAsync($"{tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = (app ?? App).ClientId,
            ["client_secret"] = (app ?? App).ClientSecret,
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        }));

    [Fact]
    public async Task Full_code_flow_issues_an_id_token_that_validates_against_jwks()
    {
        using var client = Client();
        var code = await SignInAsync(client, SandboxTenants.Contoso.AdminEmail);
        using var response = await RedeemAsync(client, code);
        var json = await Json(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        Assert.Equal(3599, json.GetProperty("expires_in").GetInt32());
        Assert.True(json.TryGetProperty("refresh_token", out _));

        var jwks = new JsonWebKeySet(await client.GetStringAsync("common/discovery/v2.0/keys"));
        var idToken = json.GetProperty("id_token").GetString()!;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAudience = App.ClientId,
            ValidIssuer = $"{Server.HttpBaseAddress}{SandboxTenants.Contoso.TenantId}/v2.0",
        });
        Assert.True(result.IsValid, result.Exception?.ToString());
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal(jwks.Keys[0].Kid, jwt.Kid);
        Assert.Equal("n-123", jwt.GetPayloadValue<string>("nonce"));
        Assert.Equal("2.0", jwt.GetPayloadValue<string>("ver"));
        Assert.Equal(SandboxTenants.Contoso.TenantId, jwt.GetPayloadValue<string>("tid"));
        Assert.Equal(SandboxTenants.Contoso.AdminEmail, jwt.GetPayloadValue<string>("preferred_username"));
        var admin = Server.Directory.GetUsers(SandboxTenants.Contoso.TenantId).Single(u => u.Mail == SandboxTenants.Contoso.AdminEmail);
        Assert.Equal(admin.Id, jwt.GetPayloadValue<string>("oid"));
        Assert.NotEqual(admin.Id, jwt.Subject);
        Assert.DoesNotContain(jwt.Claims, c => c.Type == "wids");
    }

    [Fact]
    public async Task TokensCarryWidsOnlyGivenARegistrationThatAsksForDirectoryRoles()
    {
        var app = NewApp("Asks for roles") with { GroupMembershipClaims = "DirectoryRole" };
        Server.RegisterApp(app);
        using var client = Client();
        var code = await SignInAsync(client, SandboxTenants.Contoso.AdminEmail, app: app);

        using var response = await RedeemAsync(client, code, app: app);

        var json = await Json(response);
        var idToken = new JsonWebToken(json.GetProperty("id_token").GetString()!);
        var accessToken = new JsonWebToken(json.GetProperty("access_token").GetString()!);
        Assert.Contains(idToken.Claims, c => c.Type == "wids" && c.Value == SandboxTenants.GlobalAdministratorRoleId);
        Assert.Contains(accessToken.Claims, c => c.Type == "wids" && c.Value == SandboxTenants.GlobalAdministratorRoleId);
    }

    [Fact]
    public async Task Pkce_mismatch_and_code_reuse_are_rejected()
    {
        using var client = Client();
        var code = await SignInAsync(client, SandboxTenants.Contoso.MemberEmail);
        using var bad = await RedeemAsync(client, code, "wrong-verifier-wrong-verifier-wrong-verifier-123");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badJson = await Json(bad);
        Assert.Equal("invalid_grant", badJson.GetProperty("error").GetString());
        Assert.Equal(501481, badJson.GetProperty("error_codes")[0].GetInt32());
        Assert.StartsWith("AADSTS501481:", badJson.GetProperty("error_description").GetString(), StringComparison.Ordinal);
        Assert.Contains("\r\nTrace ID: ", badJson.GetProperty("error_description").GetString(), StringComparison.Ordinal);

        using var ok = await RedeemAsync(client, code);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var again = await RedeemAsync(client, code);
        var againJson = await Json(again);
        Assert.Equal("invalid_grant", againJson.GetProperty("error").GetString());
        Assert.Equal(54005, againJson.GetProperty("error_codes")[0].GetInt32());
    }

    [Fact]
    public async Task Code_redeemed_at_another_tenant_is_rejected()
    {
        using var client = Client();
        var code = await SignInAsync(client, SandboxTenants.Contoso.MemberEmail, SandboxTenants.Contoso.TenantId);
        using var response = await RedeemAsync(client, code, tenant: SandboxTenants.Fabrikam.TenantId);
        Assert.Equal(700005, (await Json(response)).GetProperty("error_codes")[0].GetInt32());
    }

    [Fact]
    public async Task Session_cookie_skips_the_picker_and_prompt_login_shows_it()
    {
        var cookies = new CookieContainer();
        using var client = Client(cookies: cookies);
        await SignInAsync(client, SandboxTenants.Fabrikam.MemberEmail);
        var cookie = cookies.GetAllCookies().Single(c => c.Name == "sbx_session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal("/", cookie.Path);

        using var silent = await client.GetAsync(AuthorizeUrl(mode: "query", prompt: "none"));
        Assert.Equal(HttpStatusCode.Found, silent.StatusCode);
        Assert.True(QueryOf(silent.Headers.Location!).ContainsKey("code"));

        using var login = await client.GetAsync(AuthorizeUrl(prompt: "login"));
        Assert.Contains("id=\"signin-form\"", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_none_without_session_returns_login_required()
    {
        using var client = Client();
        using var response = await client.GetAsync(AuthorizeUrl(mode: "query", prompt: "none"));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var q = QueryOf(response.Headers.Location!);
        Assert.Equal("login_required", q["error"]);
        Assert.Equal("st-1", q["state"]);
    }

    [Fact]
    public async Task Unknown_client_and_redirect_mismatch_show_error_pages_without_redirect()
    {
        using var client = Client();
        using var unknown = await client.GetAsync($"organizations/oauth2/v2.0/authorize?client_id={Guid.NewGuid()}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&response_type=code&scope=openid&nonce=n");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Null(unknown.Headers.Location);
        Assert.Contains("AADSTS700016", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var mismatch = await client.GetAsync($"organizations/oauth2/v2.0/authorize?client_id={App.ClientId}&redirect_uri={Uri.EscapeDataString("https://evil.test/cb")}&response_type=code&scope=openid&nonce=n");
        Assert.Null(mismatch.Headers.Location);
        Assert.Contains("AADSTS50011", await mismatch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_nonce_and_wrong_response_type_redirect_with_errors()
    {
        using var client = Client();
        using var noNonce = await client.GetAsync(AuthorizeUrl(nonce: null, mode: "query"));
        Assert.Equal("invalid_request", QueryOf(noNonce.Headers.Location!)["error"]);

        var url = AuthorizeUrl(mode: "query").Replace("response_type=code", "response_type=token", StringComparison.Ordinal);
        using var token = await client.GetAsync(url);
        Assert.Equal("unsupported_response_type", QueryOf(token.Headers.Location!)["error"]);
    }

    [Fact]
    public async Task Unknown_email_shows_the_picker_again_with_an_error()
    {
        using var client = Client();
        using var picker = await client.GetAsync(AuthorizeUrl());
        var action = FormAction(await picker.Content.ReadAsStringAsync(), "signin-form");
        using var posted = await client.PostAsync(action.TrimStart('/'), new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = "nobody@nowhere.test" }));
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Contains("id=\"signin-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"signin-form\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_of_another_tenant_at_a_tenant_specific_authority_gets_50020()
    {
        using var client = Client();
        using var picker = await client.GetAsync(AuthorizeUrl(SandboxTenants.Fabrikam.TenantId));
        var action = FormAction(await picker.Content.ReadAsStringAsync(), "signin-form");
        using var posted = await client.PostAsync(action.TrimStart('/'), new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = SandboxTenants.Contoso.MemberEmail }));
        Assert.Contains("AADSTS50020", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(posted.Headers.Location);
    }

    [Theory]
    [InlineData(SandboxIdTokenFault.WrongNonce)]
    [InlineData(SandboxIdTokenFault.AlgNone)]
    [InlineData(SandboxIdTokenFault.BadSignature)]
    [InlineData(SandboxIdTokenFault.IssuerTenantMismatch)]
    public async Task Id_token_faults_apply_once(SandboxIdTokenFault fault)
    {
        using var client = Client();
        var jwks = new JsonWebKeySet(await client.GetStringAsync("common/discovery/v2.0/keys"));
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAudience = App.ClientId,
            ValidIssuer = $"{Server.HttpBaseAddress}{SandboxTenants.Contoso.TenantId}/v2.0",
        };
        Server.Faults.NextIdToken = fault;
        var faulty = (await Json(await RedeemAsync(client, await SignInAsync(client, SandboxTenants.Contoso.MemberEmail)))).GetProperty("id_token").GetString()!;
        var faultyResult = await new JsonWebTokenHandler().ValidateTokenAsync(faulty, parameters);
        var nonceOk = faultyResult.IsValid && ((JsonWebToken)faultyResult.SecurityToken).GetPayloadValue<string>("nonce") == "n-123";
        Assert.False(nonceOk);
        Assert.Equal(SandboxIdTokenFault.None, Server.Faults.NextIdToken);

        var good = (await Json(await RedeemAsync(client, await SignInAsync(client, SandboxTenants.Contoso.MemberEmail)))).GetProperty("id_token").GetString()!;
        Assert.True((await new JsonWebTokenHandler().ValidateTokenAsync(good, parameters)).IsValid);
    }

    [Fact]
    public async Task Logout_clears_the_session_and_redirects_only_to_registered_origins()
    {
        var cookies = new CookieContainer();
        using var client = Client(cookies: cookies);
        await SignInAsync(client, SandboxTenants.Contoso.MemberEmail);
        using var ok = await client.GetAsync($"common/oauth2/v2.0/logout?post_logout_redirect_uri={Uri.EscapeDataString("https://app.test/signout-callback-oidc")}");
        Assert.Equal(HttpStatusCode.Found, ok.StatusCode);
        Assert.DoesNotContain(cookies.GetAllCookies(), c => c.Name == "sbx_session" && !c.Expired);
        using var evil = await client.GetAsync($"common/oauth2/v2.0/logout?post_logout_redirect_uri={Uri.EscapeDataString("https://evil.test/")}");
        Assert.Equal(HttpStatusCode.OK, evil.StatusCode);
    }
}
