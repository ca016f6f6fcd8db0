using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WorkSights.Application.Accounts;
using WorkSights.Domain.ApiKeys;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Integrations;

/// <summary>An integration program calling the API with an API key, as a customer's script would: plain HTTP, no cookies.</summary>
internal sealed class Integrator(WorkSightsApp app, string clientId, string secret) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };

    public string ClientId => clientId;

    public string Secret => secret;

    /// <summary>Stores a key for the workspace as the API keys page would, with a secret known to the test.</summary>
    public static async Task<Integrator> IssueAsync(
        WorkSightsApp app, string externalTenantId, IEnumerable<string> scopes, DateTimeOffset? createdAt = null, DateTimeOffset? expiresAt = null)
    {
        var clientId = ApiKeyCredentials.NewClientId();
        var secret = ApiKeyCredentials.NewSecret();
        await app.InWorkspaceAsync(externalTenantId, db =>
        {
            var workspace = db.Tenants.Single(t => t.ExternalTenantId == externalTenantId.ToLowerInvariant());
            db.ApiKeys.Add(ApiKey.Issue(workspace.Id, "Test integration", clientId, ApiKeyCredentials.Hash(secret), scopes, null, createdAt ?? DateTimeOffset.UtcNow, expiresAt));
            return Task.FromResult(true);
        });
        return new Integrator(app, clientId, secret);
    }

    public async Task<HttpResponseMessage> RequestTokenAsync(IDictionary<string, string>? form = null, bool basic = true, string? secretOverride = null)
    {
        var fields = new Dictionary<string, string>(form ?? new Dictionary<string, string> { ["grant_type"] = "client_credentials" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/token");
        if (basic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secretOverride ?? secret)}")));
        }
        else
        {
            fields["client_id"] = clientId;
            fields["client_secret"] = secretOverride ?? secret;
        }

        request.Content = new FormUrlEncodedContent(fields);
        return await http.SendAsync(request);
    }

    public async Task<string> TokenAsync()
    {
        using var response = await RequestTokenAsync();
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token) => SendAsync(HttpMethod.Get, path, token);

    public void Dispose() => http.Dispose();
}
