using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace WorkSights.Sandbox.Tests;

/// <summary>A sandbox of its own on a fake clock, with one consented app, for the workspace-wide feeds (calls, sign-ins).</summary>
public sealed class GraphFeedTestServer : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 16, 15, 0, 0, TimeSpan.Zero);

    private readonly HttpClient http;

    private GraphFeedTestServer(SandboxServer server, SandboxClientApp app, FakeTimeProvider clock)
    {
        Server = server;
        App = app;
        Clock = clock;
        http = new HttpClient { BaseAddress = server.HttpBaseAddress };
    }

    public SandboxServer Server { get; }

    public SandboxClientApp App { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<GraphFeedTestServer> StartAsync(int signInRequestsPer10Seconds = 1000, int callRecordsPageSize = 60)
    {
        var clock = new FakeTimeProvider(Start);
        var app = SandboxTestBase.NewApp("Feeds");
        var server = await SandboxServer.StartAsync(new SandboxOptions
        {
            Apps = [app],
            TimeProvider = clock,
            SignInRequestsPer10Seconds = signInRequestsPer10Seconds,
            CallRecordsPageSize = callRecordsPageSize,
        });
        foreach (var tenant in SandboxTenants.All.Where(t => t.AdminCanGrantConsent))
        {
            server.Directory.GrantConsent(tenant.TenantId, app.ClientId);
        }

        return new GraphFeedTestServer(server, app, clock);
    }

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<string> TokenAsync(string tenantId)
    {
        using var response = await http.PostAsync($"{tenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = App.ClientId,
            ["client_secret"] = App.ClientSecret,
            ["grant_type"] = "client_credentials",
            ["scope"] = "https://graph.microsoft.com/.default",
        }));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("access_token").GetString()!;
    }

    /// <summary>One GET with the tenant's app token: status, Retry-After and the parsed body.</summary>
    public async Task<(int Status, string? RetryAfter, JsonElement Body)> GetAsync(string tenantId, string url, string? prefer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(tenantId));
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response.Headers.RetryAfter?.Delta is { } delta ? ((int)delta.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) : null, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Every item of a collection, following nextLinks; also the size of each page.</summary>
    public async Task<(List<JsonElement> Items, List<int> PageSizes)> ReadAllAsync(string tenantId, string url, string? prefer = null)
    {
        var items = new List<JsonElement>();
        var sizes = new List<int>();
        string? next = url;
        while (next is not null)
        {
            var (status, _, body) = await GetAsync(tenantId, next, prefer);
            Assert.True(status == 200, body.ToString());
            var page = body.GetProperty("value").EnumerateArray().ToList();
            items.AddRange(page);
            sizes.Add(page.Count);
            next = body.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return (items, sizes);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Server.DisposeAsync();
    }
}
