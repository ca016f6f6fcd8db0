using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>
/// Issue 13: consent granted again outside WorkSights (the Entra admin centre sends no callback) is found by the hourly
/// re-check, on the app's clock, and the connection recovers without a click.
/// </summary>
public sealed partial class ConsentRecoveryTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    private readonly FakeTimeProvider clock;

    public ConsentRecoveryTests()
        : this(new FakeTimeProvider(DateTimeOffset.UtcNow))
    {
    }

    private ConsentRecoveryTests(FakeTimeProvider clock)
        : base(new WorkSightsApp { Clock = clock, Settings = new Dictionary<string, string> { ["Sessions:IdleTimeout"] = "1.00:00:00" } }) => this.clock = clock;

    [Fact]
    public async Task RevokedWorkspaceRecoversOnTheNextRecheckOnceConsentIsGrantedAgainAtMicrosoft()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        App.Sandbox.Directory.RevokeConsent(Fabrikam.TenantId, WorkSightsApp.ClientId);
        var (revoked, _) = await SyncNowAsync(owner);
        var revokedHtml = await revoked.Content.ReadAsStringAsync();
        Assert.Contains("Consent revoked", revokedHtml, StringComparison.Ordinal);
        Assert.Contains("data-state=\"PausedConsentRevoked\"", revokedHtml, StringComparison.Ordinal);
        Assert.Contains("checks again at", revokedHtml, StringComparison.Ordinal);

        App.Sandbox.Directory.GrantConsent(Fabrikam.TenantId, WorkSightsApp.ClientId);
        var tokenRequests = TokenRequests();
        clock.Advance(TimeSpan.FromMinutes(50));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Contains("Consent revoked", await ServicesAsync(owner), StringComparison.Ordinal);
        Assert.Equal(tokenRequests, TokenRequests());

        clock.Advance(TimeSpan.FromMinutes(11));
        var recovered = await WaitForAsync(owner, p => p.Contains("id=\"consent-recovered\"", StringComparison.Ordinal));

        Assert.DoesNotContain(">Consent revoked<", recovered, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"reconnect\"", recovered, StringComparison.Ordinal);
        Assert.True(TokenRequests() > tokenRequests);
    }

    [Fact]
    public async Task SyncNowOnARevokedWorkspaceSaysWhyAndRecoversAtOnceWhenConsentIsBack()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        App.Sandbox.Directory.RevokeConsent(Fabrikam.TenantId, WorkSightsApp.ClientId);
        await SyncNowAsync(owner);

        var (stillRevoked, _) = await SyncNowAsync(owner);
        App.Sandbox.Directory.GrantConsent(Fabrikam.TenantId, WorkSightsApp.ClientId);
        var (back, backUrl) = await SyncNowAsync(owner);

        Assert.Contains("Nothing can sync: consent was revoked", await stillRevoked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/Settings/Services?message=recovered", backUrl.PathAndQuery);
        var html = await back.Content.ReadAsStringAsync();
        Assert.Contains("Consent was granted again in Microsoft 365", html, StringComparison.Ordinal);
        Assert.Contains("id=\"consent-recovered\"", html, StringComparison.Ordinal);
    }

    private int TokenRequests() =>
        App.Sandbox.RequestLog.Entries.Count(e => e.PathAndQuery.Contains("/oauth2/v2.0/token", StringComparison.Ordinal));

    private static async Task<string> ServicesAsync(SignUpJourney journey) =>
        await (await journey.Browser.GetAsync(journey.At("/Settings/Services"))).Content.ReadAsStringAsync();

    private static async Task<(HttpResponseMessage Response, Uri Url)> SyncNowAsync(SignUpJourney journey) =>
        await journey.Browser.SubmitFormAsync(await ServicesAsync(journey), journey.At("/Settings/Services"), "sync-now-form");

    private static async Task<string> WaitForAsync(SignUpJourney journey, Func<string, bool> condition)
    {
        var started = Stopwatch.StartNew();
        string html;
        do
        {
            await Task.Delay(250);
            html = await ServicesAsync(journey);
        }
        while (!condition(html) && started.Elapsed < TimeSpan.FromSeconds(30));

        Assert.True(condition(html), Tags().Replace(html, " "));
        return html;
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
