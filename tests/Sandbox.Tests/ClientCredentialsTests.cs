using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Identity.Client;

namespace WorkSights.Sandbox.Tests;

public sealed class ClientCredentialsTests(SandboxFixture fixture) : SandboxTestBase(fixture)
{
    private static readonly string Contoso = SandboxTenants.Contoso.TenantId;

    private async Task<HttpResponseMessage> RequestAsync(string tenant, SandboxClientApp app, string scope = "https://graph.microsoft.com/.default", string? secret = null)
    {
        using var client = Client(https: true);
        return await client.PostAsync($"{tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = app.ClientId,
            ["client_secret"] = secret ?? app.ClientSecret,
            ["grant_type"] = "client_credentials",
            ["scope"] = scope,
            ["client_info"] = "2",
        }));
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error, int code)
    {
        var json = await Json(response);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(error, json.GetProperty("error").GetString());
        Assert.Equal(code, json.GetProperty("error_codes")[0].GetInt32());
        foreach (var field in new[] { "timestamp", "trace_id", "correlation_id", "error_uri" })
        {
            Assert.True(json.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Lifecycle_before_consent_after_consent_after_revoke_after_sp_deletion()
    {
        var app = RegisterNewApp();
        await AssertErrorAsync(await RequestAsync(Contoso, app), HttpStatusCode.Unauthorized, "invalid_client", 7000229);

        Server.Directory.GrantConsent(Contoso, app.ClientId);
        using var granted = await RequestAsync(Contoso, app);
        var json = await Json(granted);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        Assert.False(json.TryGetProperty("refresh_token", out _));
        var token = ReadJwt(json.GetProperty("access_token").GetString()!);
        Assert.Equal("https://graph.microsoft.com", token.GetPayloadValue<string>("aud"));
        Assert.Equal($"https://sts.windows.net/{Contoso}/", token.Issuer);
        Assert.Equal("app", token.GetPayloadValue<string>("idtyp"));
        Assert.Equal(app.ClientId, token.GetPayloadValue<string>("appid"));
        Assert.Equal(Server.Directory.GetConsent(Contoso, app.ClientId).ServicePrincipalId, token.GetPayloadValue<string>("oid"));
        var roles = token.Claims.Where(c => c.Type == "roles").Select(c => c.Value).ToList();
        Assert.Contains("User.Read.All", roles);
        Assert.Contains("Directory.Read.All", roles);
        Assert.DoesNotContain("ActivityFeed.Read", roles);

        Server.Directory.RevokeConsent(Contoso, app.ClientId);
        using var revoked = await RequestAsync(Contoso, app);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.DoesNotContain(ReadJwt((await Json(revoked)).GetProperty("access_token").GetString()!).Claims, c => c.Type == "roles");

        Server.Directory.DeleteServicePrincipal(Contoso, app.ClientId);
        await AssertErrorAsync(await RequestAsync(Contoso, app), HttpStatusCode.Unauthorized, "invalid_client", 7000229);
        Assert.Equal(SandboxConsentState.ServicePrincipalDeleted, Server.Directory.GetConsent(Contoso, app.ClientId).State);
    }

    [Theory]
    [InlineData("organizations")]
    [InlineData("common")]
    public async Task Multi_tenant_authorities_are_rejected(string tenant) =>
        await AssertErrorAsync(await RequestAsync(tenant, App), HttpStatusCode.BadRequest, "invalid_request", 9001023);

    [Fact]
    public async Task Bad_secret_unknown_client_and_bad_scopes_are_rejected()
    {
        Server.Directory.GrantConsent(Contoso, App.ClientId);
        await AssertErrorAsync(await RequestAsync(Contoso, App, secret: "wrong"), HttpStatusCode.Unauthorized, "invalid_client", 7000215);
        await AssertErrorAsync(await RequestAsync(Contoso, NewApp("unregistered")), HttpStatusCode.BadRequest, "unauthorized_client", 700016);
        await AssertErrorAsync(await RequestAsync(Contoso, App, "User.Read.All"), HttpStatusCode.BadRequest, "invalid_scope", 70011);
        await AssertErrorAsync(await RequestAsync(Contoso, App, "https://graph.microsoft.com/.default https://manage.office.com/.default"), HttpStatusCode.BadRequest, "invalid_scope", 700022);
    }

    [Fact]
    public async Task Domain_authority_and_basic_auth_work()
    {
        Server.Directory.GrantConsent(Contoso, App.ClientId);
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "contoso.com/oauth2/v2.0/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "https://graph.microsoft.com/.default" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{App.ClientId}:{App.ClientSecret}")));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Msal_acquires_an_app_token_over_https_with_a_pinned_certificate()
    {
        Server.Directory.GrantConsent(Contoso, App.ClientId);
        var msal = ConfidentialClientApplicationBuilder.Create(App.ClientId)
            .WithClientSecret(App.ClientSecret)
            .WithInstanceDiscovery(false)
            .WithAuthority($"{Server.HttpsBaseAddress}{Contoso}/", false)
            .WithHttpClientFactory(new PinnedFactory(Server.TlsCertificate))
            .Build();
        var result = await msal.AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync();
        Assert.Equal(TokenSource.IdentityProvider, result.AuthenticationResultMetadata.TokenSource);
        Assert.Contains(ReadJwt(result.AccessToken).Claims, c => c.Type == "roles" && c.Value == "User.Read.All");
        var cached = await msal.AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync();
        Assert.Equal(TokenSource.Cache, cached.AuthenticationResultMetadata.TokenSource);
    }

    private sealed class PinnedFactory(X509Certificate2 pinned) : IMsalHttpClientFactory
    {
        private readonly HttpClient client = new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert is not null && cert.Thumbprint == pinned.Thumbprint,
        });

        public HttpClient GetHttpClient() => client;
    }
}
