using System.Net;
using Microsoft.Extensions.Time.Testing;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>The idle and absolute lifetimes (defaults: one hour, twelve hours), on the app's clock.</summary>
public sealed class SessionLifetimeTests : FunctionalTest
{
    private readonly FakeTimeProvider clock;

    public SessionLifetimeTests()
        : this(new FakeTimeProvider(DateTimeOffset.UtcNow))
    {
    }

    private SessionLifetimeTests(FakeTimeProvider clock)
        : base(new WorkSightsApp { Clock = clock }) => this.clock = clock;

    [Fact]
    public async Task SignedOutGivenAnHourWithoutRequests()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);

        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(59));
            Assert.Equal(HttpStatusCode.OK, await WorkspaceStatusAsync(owner));
        }

        clock.Advance(TimeSpan.FromMinutes(60));
        Assert.Equal(HttpStatusCode.Unauthorized, await WorkspaceStatusAsync(owner));
    }

    [Fact]
    public async Task SignedOutGivenTwelveHoursSinceSignInHoweverActive()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);

        for (var elapsed = TimeSpan.FromMinutes(50); elapsed < TimeSpan.FromHours(12); elapsed += TimeSpan.FromMinutes(50))
        {
            clock.Advance(TimeSpan.FromMinutes(50));
            Assert.Equal(HttpStatusCode.OK, await WorkspaceStatusAsync(owner));
        }

        clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal(HttpStatusCode.Unauthorized, await WorkspaceStatusAsync(owner));
    }

    private static async Task<HttpStatusCode> WorkspaceStatusAsync(SignUpJourney journey) =>
        (await journey.Browser.GetAsync(journey.At("/api/v1/workspace"))).StatusCode;
}
