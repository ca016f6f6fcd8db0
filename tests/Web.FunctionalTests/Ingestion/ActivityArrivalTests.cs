using System.Diagnostics;
using System.Text.RegularExpressions;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Ingestion;

/// <summary>Issue 3 "Done when": a newcomer who signs up sees activity arrive within a minute, and Service View tells the truth.</summary>
public sealed partial class ActivityArrivalTests : IAsyncLifetime
{
    private readonly WorkSightsApp app = new() { ActivitySyncEnabled = true };
    private SignUpJourney? owner;

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync()
    {
        owner?.Dispose();
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    [Fact]
    public async Task ActivityArrivesWithinAMinuteOfConsentAndServiceViewCountsIt()
    {
        owner = new SignUpJourney(app);
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);

        var html = await WaitForAsync(page => ItemsOf(page, "Email") > 0 && ItemsOf(page, "Calendar") > 0 && page.Contains(">Connected<", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        Assert.DoesNotContain("id=\"recent-problems\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"last-sync\" data-at=\"\\d", html);
        Assert.Contains(app.Sandbox.RequestLog.Entries, e => e.PathAndQuery.Contains("/mailFolders/sentitems/messages/delta", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SwitchedOffFeatureIsNotRead()
    {
        owner = new SignUpJourney(app);
        await owner.SignUpAsync(SandboxTenants.Fabrikam.AdminEmail);
        await owner.ConsentAsync("accept");
        var services = await owner.Browser.GetAsync(owner.At("/Settings/Services"));
        var page = await services.Content.ReadAsStringAsync();
        await owner.Browser.SubmitFormAsync(page, owner.At("/Settings/Services"), "feature-email-form");
        var completed = await WaitForAsync(p => p.Contains(">Connected<", StringComparison.Ordinal) && Regex.IsMatch(p, "id=\"last-sync\" data-at=\"\\d"), TimeSpan.FromSeconds(60));
        var emailBefore = ItemsOf(completed, "Email");
        app.Sandbox.RequestLog.Clear();

        var syncPage = await owner.Browser.GetAsync(owner.At("/Settings/Services"));
        await owner.Browser.SubmitFormAsync(await syncPage.Content.ReadAsStringAsync(), owner.At("/Settings/Services"), "sync-now-form");
        var after = await WaitForAsync(p => p.Contains(">Connected<", StringComparison.Ordinal) && app.Sandbox.RequestLog.Entries.Any(e => e.PathAndQuery.Contains("calendarView", StringComparison.OrdinalIgnoreCase)), TimeSpan.FromSeconds(60));

        Assert.DoesNotContain(app.Sandbox.RequestLog.Entries, e => e.PathAndQuery.Contains("/messages/", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(emailBefore, ItemsOf(after, "Email"));
    }

    [Fact]
    public async Task MailboxesParkedByThrottlingAreReadAgainWhenThePauseEndsNotAWholeIntervalLater()
    {
        owner = new SignUpJourney(app);
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        var first = await WaitForAsync(p => p.Contains(">Connected<", StringComparison.Ordinal) && Regex.IsMatch(p, "id=\"last-sync\" data-at=\"\\d"), TimeSpan.FromSeconds(60));
        var firstSync = LastSync(first);

        app.Sandbox.Faults.Throttle(10_000, 300);
        app.Sandbox.RequestLog.Clear();
        var services = await owner.Browser.GetAsync(owner.At("/Settings/Services"));
        await owner.Browser.SubmitFormAsync(await services.Content.ReadAsStringAsync(), owner.At("/Settings/Services"), "sync-now-form");
        var throttled = await WaitForAsync(p => p.Contains(">Throttled<", StringComparison.Ordinal) && LastSync(p) != firstSync, TimeSpan.FromSeconds(60));

        var nextSync = Regex.Match(throttled, "id=\"next-sync\"[^>]*>[^<]*<").Value;
        Assert.True(nextSync.Contains("data-at=\"2", StringComparison.Ordinal), nextSync);
        var next = DateTimeOffset.Parse(System.Net.WebUtility.HtmlDecode(Regex.Match(throttled, "id=\"next-sync\"[^>]* data-at=\"([^\"]+)\"").Groups[1].Value), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(next, DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(5.5));

        // Each mailbox was told to wait on its sent items: its calendar, behind the same per-mailbox limit, was not asked.
        Assert.Contains(app.Sandbox.RequestLog.Entries, e => e.StatusCode == 429 && e.PathAndQuery.Contains("/messages/delta", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(app.Sandbox.RequestLog.Entries, e => e.PathAndQuery.Contains("calendarView", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AuditLogOffIsExplainedWhileMailKeepsSyncingAndClearsOnceTheLogIsOn()
    {
        app.Sandbox.AuditLog.SetEnabled(SandboxTenants.Fabrikam.TenantId, false);
        owner = new SignUpJourney(app);
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);

        var off = await WaitForAsync(p => p.Contains(">Audit log not enabled<", StringComparison.Ordinal) && ItemsOf(p, "Email") > 0, TimeSpan.FromSeconds(60));
        Assert.Contains("id=\"audit-log-off\"", off, StringComparison.Ordinal);

        app.Sandbox.AuditLog.SetEnabled(SandboxTenants.Fabrikam.TenantId, true);
        var services = await owner.Browser.GetAsync(owner.At("/Settings/Services"));
        await owner.Browser.SubmitFormAsync(await services.Content.ReadAsStringAsync(), owner.At("/Settings/Services"), "sync-now-form");
        var on = await WaitForAsync(p => p.Contains(">Connected<", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        Assert.DoesNotContain("id=\"audit-log-off\"", on, StringComparison.Ordinal);
        Assert.Contains(app.Sandbox.RequestLog.Entries, e => e.PathAndQuery.Contains("/activity/feed/subscriptions/start", StringComparison.OrdinalIgnoreCase));
    }

    private static string LastSync(string html) => Regex.Match(html, "id=\"last-sync\" data-at=\"([^\"]*)\"").Groups[1].Value;

    private async Task<string> WaitForAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        string html;
        do
        {
            await Task.Delay(500);
            html = await (await owner!.Browser.GetAsync(owner.At("/Settings/Services"))).Content.ReadAsStringAsync();
        }
        while (!condition(html) && started.Elapsed < timeout);

        Assert.True(condition(html), $"Service View did not reach the expected state within {timeout.TotalSeconds} s:\n{Regex.Replace(html, "<[^>]+>", " ")}");
        return html;
    }

    private static int ItemsOf(string html, string feature)
    {
        var match = Regex.Match(html, $"data-items=\"{feature}\">([0-9,]+)<");
        return match.Success ? int.Parse(match.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : -1;
    }
}
