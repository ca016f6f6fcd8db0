using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace WorkSights.Sandbox.Tests;

/// <summary>A sandbox on a fake clock (Wednesday 2025-03-12 12:00 UTC) for the mail and calendar tests.</summary>
public sealed class OutlookFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2025, 3, 12, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public SandboxServer Server { get; private set; } = null!;

    public SandboxClientApp App { get; } = SandboxTestBase.NewApp("WorkSights Outlook Test");

    public async Task InitializeAsync() => Server = await SandboxServer.StartAsync(new SandboxOptions { Apps = [App], TimeProvider = Clock });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>Helpers for Graph calls against a sandbox with its own app.</summary>
public abstract class OutlookTestBase
{
    protected static readonly string Contoso = SandboxTenants.Contoso.TenantId;

    protected static HttpClient Client(SandboxServer server) => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.HttpBaseAddress };

    protected static async Task<string> TokenAsync(SandboxServer server, SandboxClientApp app, string tenantId)
    {
        server.Directory.GrantConsent(tenantId, app.ClientId);
        return await IssuedTokenAsync(server, app, tenantId);
    }

    /// <summary>A fresh app-only token carrying whatever the app is granted right now.</summary>
    protected static async Task<string> IssuedTokenAsync(SandboxServer server, SandboxClientApp app, string tenantId)
    {
        using var client = Client(server);
        using var response = await client.PostAsync($"{tenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = app.ClientId,
            ["client_secret"] = app.ClientSecret,
            ["grant_type"] = "client_credentials",
            ["scope"] = "https://graph.microsoft.com/.default",
        }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("access_token").GetString()!;
    }

    protected static async Task<(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Response)> GetAsync(SandboxServer server, string url, string token, string? prefer = null)
    {
        using var client = Client(server);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && (text[0] == '{' || text[0] == '[') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (response.StatusCode, json, response);
    }

    protected static async Task<JsonElement> OkAsync(SandboxServer server, string url, string token, string? prefer = null)
    {
        var (status, json, response) = await GetAsync(server, url, token, prefer);
        response.Dispose();
        Assert.True(status == HttpStatusCode.OK, $"{status} {url}: {json}");
        return json;
    }

    protected static async Task<string> ErrorCodeAsync(SandboxServer server, string url, string token, HttpStatusCode expected)
    {
        var (status, json, response) = await GetAsync(server, url, token);
        response.Dispose();
        Assert.True(status == expected, $"{status} {url}: {json}");
        return json.GetProperty("error").GetProperty("code").GetString()!;
    }

    /// <summary>Follows nextLinks to the deltaLink.</summary>
    protected static async Task<(List<JsonElement> Items, string DeltaLink, int Pages)> CycleAsync(SandboxServer server, string url, string token, string? prefer = "odata.maxpagesize=200")
    {
        var items = new List<JsonElement>();
        for (var pages = 1; ; pages++)
        {
            var json = await OkAsync(server, url, token, prefer);
            items.AddRange(json.GetProperty("value").EnumerateArray());
            if (json.TryGetProperty("@odata.deltaLink", out var delta))
            {
                return (items, delta.GetString()!, pages);
            }

            url = json.GetProperty("@odata.nextLink").GetString()!;
            Assert.True(pages < 2000, "too many pages");
        }
    }

    protected static async Task<JsonElement> BatchAsync(SandboxServer server, string token, string body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = Client(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1.0/$batch") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    protected static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    protected static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    protected static bool Removed(JsonElement item) => item.TryGetProperty("@removed", out _);
}
