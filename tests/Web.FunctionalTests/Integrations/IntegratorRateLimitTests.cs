using System.Net;
using WorkSights.Domain.ApiKeys;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Integrations;

/// <summary>
/// SECURITY.md 2.4.1 and L1: an API key, a workspace's keys or an address asking for tokens over its limit gets 429 with
/// Retry-After and ProblemDetails, never 503; people are not held back.
/// </summary>
public sealed class IntegratorRateLimitTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    public IntegratorRateLimitTests()
        : base(new WorkSightsApp
        {
            Settings = new Dictionary<string, string>
            {
                ["ApiTokens:RequestsPerKey"] = "3",
                ["ApiTokens:RequestsPerWorkspace"] = "5",
                ["ApiTokens:TokenRequestsPerAddress"] = "4",
                ["ApiTokens:RateWindow"] = "00:10:00",
            },
        })
    {
    }

    [Fact]
    public async Task KeyWorkspaceAndTokenRequestsOverTheirLimitsGet429WithRetryAfter()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        using var busy = await Integrator.IssueAsync(App, Fabrikam.TenantId, [ApiScopes.DirectoryRead]);
        using var other = await Integrator.IssueAsync(App, Fabrikam.TenantId, [ApiScopes.DirectoryRead]);
        var busyToken = await busy.TokenAsync();
        var otherToken = await other.TokenAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/workspace", busyToken)).StatusCode);
        }

        using var limited = await busy.GetAsync("/api/v1/workspace", busyToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        // The busy key's three accepted requests count toward the workspace's five: its other key gets two more; a person is not limited.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/workspace", otherToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/workspace", otherToken)).StatusCode);
        using var workspaceLimited = await other.GetAsync("/api/v1/workspace", otherToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, workspaceLimited.StatusCode);
        Assert.NotNull(workspaceLimited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await owner.Browser.GetAsync(owner.At("/api/v1/workspace"))).StatusCode);

        // Two of the address's four token requests were made above; secrets cannot be tried at speed.
        Assert.Equal(HttpStatusCode.Unauthorized, (await busy.RequestTokenAsync(secretOverride: "wss_guess-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await busy.RequestTokenAsync(secretOverride: "wss_guess-2")).StatusCode);
        using var tooMany = await busy.RequestTokenAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        Assert.NotNull(tooMany.Headers.RetryAfter);
    }
}
