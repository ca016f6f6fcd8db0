using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;

namespace WorkSights.Sandbox.Tests;

/// <summary>One sandbox per test class, on random ports.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;

    public SandboxClientApp App { get; } = SandboxTestBase.NewApp("WorkSights Test");

    public async Task InitializeAsync() => Server = await SandboxServer.StartAsync(new SandboxOptions { Apps = [App], DeltaPageSize = 40 });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Talks to the class's sandbox over real HTTP(S).</summary>
public abstract class SandboxTestBase(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    public const string RedirectUri = "https://app.test/signin-oidc";
    public const string ConsentRedirectUri = "https://app.test/onboarding/consent-callback";
    public const string Secret = "s3cret-value";

    protected SandboxServer Server => fixture.Server;

    protected SandboxClientApp App => fixture.App;

    public static SandboxClientApp NewApp(string name) =>
        new(Guid.NewGuid().ToString(), Secret, name, [RedirectUri, ConsentRedirectUri]);

    protected SandboxClientApp RegisterNewApp(string name = "Other app")
    {
        var app = NewApp(name);
        Server.RegisterApp(app);
        return app;
    }

    /// <summary>An HttpClient that pins the sandbox certificate, keeps cookies and does not follow redirects.</summary>
    protected HttpClient Client(bool https = false, CookieContainer? cookies = null)
    {
        var thumbprint = Server.TlsCertificate.Thumbprint;
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies ?? new CookieContainer(),
            UseCookies = true,
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert is not null && cert.Thumbprint == thumbprint,
        };
        return new HttpClient(handler) { BaseAddress = https ? Server.HttpsBaseAddress : Server.HttpBaseAddress };
    }

    protected static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    protected async Task<string> AppTokenAsync(string tenantId, SandboxClientApp? app = null)
    {
        app ??= App;
        using var client = Client();
        using var response = await client.PostAsync($"{tenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = app.ClientId,
            ["client_secret"] = app.ClientSecret,
            ["grant_type"] = "client_credentials",
            ["scope"] = "https://graph.microsoft.com/.default",
        }));
        var json = await Json(response);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("access_token").GetString()!;
    }

    protected async Task<string> ConsentedTokenAsync(string tenantId)
    {
        Server.Directory.GrantConsent(tenantId, App.ClientId);
        return await AppTokenAsync(tenantId);
    }

    protected static JsonWebToken ReadJwt(string token) => new(token);

    protected static string FormValue(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"No field '{name}' in: {html}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    protected static string FormAction(string html, string formId)
    {
        var match = Regex.Match(html, $"<form id=\"{Regex.Escape(formId)}\" method=\"post\" action=\"([^\"]*)\"");
        Assert.True(match.Success, $"No form '{formId}' in: {html}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    protected static Dictionary<string, string> QueryOf(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : string.Empty));
}
