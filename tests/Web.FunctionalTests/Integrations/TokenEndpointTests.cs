using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Domain.ApiKeys;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.FunctionalTests.Integrations;

/// <summary>
/// POST /api/v1/token (SECURITY.md A11): client credentials only, never cached, errors as RFC 6749 §5.2 says, and a
/// token whose subject is the client and can never be taken for a person.
/// </summary>
public sealed class TokenEndpointTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    [Fact]
    public async Task TokenIsIssuedUncachedForValidCredentialsByBasicOrFormWithASubjectThatIsNoPersonsId()
    {
        await NewBrowser().SignUpAndConsentAsync(Fabrikam.AdminEmail);
        using var integrator = await Integrator.IssueAsync(App, Fabrikam.TenantId, [ApiScopes.DirectoryRead]);

        using var basic = await integrator.RequestTokenAsync();
        using var form = await integrator.RequestTokenAsync(basic: false);

        foreach (var response in new[] { basic, form })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Contains("no-cache", response.Headers.Pragma.ToString(), StringComparison.Ordinal);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("Bearer", json.RootElement.GetProperty("token_type").GetString());
            Assert.InRange(json.RootElement.GetProperty("expires_in").GetInt32(), 60, 900);
            Assert.Equal("workspace.read directory.read", json.RootElement.GetProperty("scope").GetString());
            var token = json.RootElement.GetProperty("access_token").GetString()!;
            Assert.DoesNotContain(integrator.Secret, token, StringComparison.Ordinal);

            var payload = App.Services.GetRequiredService<ApiTokens>().Unprotect(token)!;
            Assert.Equal(ApiTokens.Audience, payload.Audience);
            Assert.Equal("client:" + integrator.ClientId, payload.Subject);
            Assert.False(Guid.TryParse(payload.Subject, out _));
            var people = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.Select(p => p.Id.ToString()).ToListAsync());
            Assert.DoesNotContain(payload.Subject, people);
        }

        var key = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.ApiKeys.AsNoTracking().SingleAsync());
        Assert.NotNull(key.LastUsedAt);
    }

    [Fact]
    public async Task WrongSecretUnknownClientRevokedOrExpiredKeyGetInvalidClientWithAChallenge()
    {
        await NewBrowser().SignUpAndConsentAsync(Fabrikam.AdminEmail);
        using var valid = await Integrator.IssueAsync(App, Fabrikam.TenantId, []);
        using var revoked = await Integrator.IssueAsync(App, Fabrikam.TenantId, []);
        await App.InWorkspaceAsync(Fabrikam.TenantId, async db => (await db.ApiKeys.SingleAsync(k => k.ClientId == revoked.ClientId)).Revoke(DateTimeOffset.UtcNow, null));
        var now = DateTimeOffset.UtcNow;
        using var expired = await Integrator.IssueAsync(App, Fabrikam.TenantId, [], createdAt: now.AddDays(-2), expiresAt: now.AddDays(-1));
        using var unknown = new Integrator(App, "wsk_AAAAAAAAAAAAAAAAAAAAAA", valid.Secret);

        var answers = new[]
        {
            ("wrong secret", await valid.RequestTokenAsync(secretOverride: valid.Secret + "x")),
            ("wrong secret in the form", await valid.RequestTokenAsync(basic: false, secretOverride: revoked.Secret)),
            ("unknown client", await unknown.RequestTokenAsync()),
            ("revoked", await revoked.RequestTokenAsync()),
            ("expired", await expired.RequestTokenAsync()),
        };

        foreach (var (what, response) in answers)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode}");
            Assert.True(response.Headers.WwwAuthenticate.Count > 0, $"{what}: no challenge");
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("invalid_client", json.RootElement.GetProperty("error").GetString());
            response.Dispose();
        }
    }

    [Fact]
    public async Task PasswordAndEveryOtherGrantAreUnsupportedAndMalformedRequestsAreInvalid()
    {
        await NewBrowser().SignUpAndConsentAsync(Fabrikam.AdminEmail);
        using var integrator = await Integrator.IssueAsync(App, Fabrikam.TenantId, []);

        async Task<(HttpStatusCode, string?)> ErrorOfAsync(HttpResponseMessage response)
        {
            using (response)
            {
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return (response.StatusCode, json.RootElement.GetProperty("error").GetString());
            }
        }

        var unsupported = (HttpStatusCode.BadRequest, "unsupported_grant_type");
        var invalid = (HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal(unsupported, await ErrorOfAsync(await integrator.RequestTokenAsync(new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = Fabrikam.AdminEmail, ["password"] = "x" })));
        Assert.Equal(unsupported, await ErrorOfAsync(await integrator.RequestTokenAsync(new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = "x" })));
        Assert.Equal(unsupported, await ErrorOfAsync(await integrator.RequestTokenAsync(new Dictionary<string, string> { ["grant_type"] = "CLIENT_CREDENTIALS" })));
        Assert.Equal(invalid, await ErrorOfAsync(await integrator.RequestTokenAsync(new Dictionary<string, string>())));
        Assert.Equal(invalid, await ErrorOfAsync(await integrator.RequestTokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = integrator.ClientId })));
        Assert.Equal(invalid, await ErrorOfAsync(await integrator.SendAsync(HttpMethod.Post, "/api/v1/token", null, new StringContent("{\"grant_type\":\"client_credentials\"}", System.Text.Encoding.UTF8, "application/json"))));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_scope"), await ErrorOfAsync(await integrator.RequestTokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "reports.read" })));

        using var secretInAddress = await integrator.SendAsync(
            HttpMethod.Post, $"/api/v1/token?client_id={integrator.ClientId}&client_secret={Uri.EscapeDataString(integrator.Secret)}", null, new FormUrlEncodedContent([new("grant_type", "client_credentials")]));
        Assert.Equal(HttpStatusCode.Unauthorized, secretInAddress.StatusCode);
        Assert.Equal("application/problem+json", secretInAddress.Content.Headers.ContentType?.MediaType);
    }
}
