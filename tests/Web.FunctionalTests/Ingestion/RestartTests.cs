using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Ingestion;

/// <summary>
/// Issue 13: stopping and starting WorkSights (and the sandbox it hosts under <c>dotnet run</c>) changes nothing a person
/// can see; each mailbox resumes from its delta link, and a run the restart cut short is shown as interrupted.
/// </summary>
public sealed partial class RestartTests : IAsyncLifetime
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "worksights-tests", Guid.NewGuid().ToString("N"));
    private readonly List<IAsyncLifetime> apps = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in apps)
        {
            await app.DisposeAsync();
        }

        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly; the temp folder is cleaned by the OS.
        }
    }

    [Fact]
    public async Task AfterARestartEveryMailboxResumesFromItsDeltaLinkAndAnInterruptedRunIsShownAsSuch()
    {
        var first = await StartAsync();
        using var owner = new SignUpJourney(first);
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await WaitForAsync(owner, p => p.Contains(">Connected<", StringComparison.Ordinal) && LastSync(p).Length > 0);
        var before = await ActivityKeysAsync(first);
        var ports = (first.Sandbox.HttpBaseAddress.Port, first.Sandbox.HttpsBaseAddress.Port);
        await ChangeServiceAsync(first, s => s.RunStarted(12, DateTimeOffset.UtcNow));
        await StopAsync(first);

        // Started with its sync switched off, the app shows what it found: the run the restart cut short.
        var second = await StartAsync(ports, syncEnabled: false);
        using (var looking = new SignUpJourney(second))
        {
            var (_, landed) = await looking.LogInAsync(Fabrikam.AdminEmail);
            var found = await ServicesPageAsync(looking);
            Assert.Equal("/Dashboard", landed.AbsolutePath);
            Assert.Contains("id=\"run-interrupted\"", found, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"sync-progress\">Syncing:", found, StringComparison.Ordinal);
            Assert.Contains("data-state=\"Now\"", found, StringComparison.Ordinal);
            Assert.DoesNotContain("Consent revoked", found, StringComparison.Ordinal);
        }

        await StopAsync(second);
        var third = await StartAsync(ports);
        using var again = new SignUpJourney(third);
        await again.LogInAsync(Fabrikam.AdminEmail);
        var services = await ServicesPageAsync(again);
        await again.Browser.SubmitFormAsync(services, again.At("/Settings/Services"), "sync-now-form");
        await WaitForAsync(again, p => p.Contains(">Connected<", StringComparison.Ordinal) && !p.Contains("id=\"run-interrupted\"", StringComparison.Ordinal));
        var mailboxRequests = third.Sandbox.RequestLog.Entries
            .Where(e => e.PathAndQuery.Contains("/messages/delta", StringComparison.OrdinalIgnoreCase) || e.PathAndQuery.Contains("/calendarView/delta", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(mailboxRequests);
        Assert.All(mailboxRequests, e => Assert.Matches("[$%]24?deltatoken=|[$%]24?skiptoken=|deltatoken=|skiptoken=", e.PathAndQuery));
        Assert.DoesNotContain(third.Sandbox.RequestLog.Entries, e => e.StatusCode == 410);
        Assert.Equal(TenantStatus.Active, (await TenantAsync(third)).Status);

        var after = await ActivityKeysAsync(third);
        Assert.Equal(after.Count, after.Distinct().Count());
        Assert.Subset(after.ToHashSet(), before.ToHashSet());
    }

    private async Task<WorkSightsApp> StartAsync((int Http, int Https) sandboxPorts = default, bool syncEnabled = true)
    {
        var app = new WorkSightsApp
        {
            DataDirectory = dataDirectory,
            KeepDataOnDispose = true,
            PersistSandbox = true,
            SandboxPorts = sandboxPorts,
            ActivitySyncEnabled = syncEnabled,
        };
        apps.Add(app);
        await app.InitializeAsync();
        return app;
    }

    private async Task StopAsync(WorkSightsApp app)
    {
        apps.Remove(app);
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    private static async Task<List<(Guid, Domain.Activities.ActivitySource, string)>> ActivityKeysAsync(WorkSightsApp app)
    {
        var rows = await app.InWorkspaceAsync(Fabrikam.TenantId, db => db.Activities.AsNoTracking().Select(a => new { a.PersonId, a.Source, a.ExternalId }).ToListAsync());
        return [.. rows.Select(r => (r.PersonId, r.Source, r.ExternalId))];
    }

    private static Task ChangeServiceAsync(WorkSightsApp app, Action<ConnectedService> change) =>
        app.InWorkspaceAsync(Fabrikam.TenantId, async db =>
        {
            change(await db.ConnectedServices.SingleAsync());
            return true;
        });

    private static Task<Tenant> TenantAsync(WorkSightsApp app) => app.WorkspaceAsync(Fabrikam.TenantId);

    private static async Task<string> ServicesPageAsync(SignUpJourney journey) =>
        await (await journey.Browser.GetAsync(journey.At("/Settings/Services"))).Content.ReadAsStringAsync();

    private static string LastSync(string html) => LastSyncAt().Match(html).Groups[1].Value;

    private static async Task<string> WaitForAsync(SignUpJourney journey, Func<string, bool> condition)
    {
        var timeout = TimeSpan.FromSeconds(90);
        var started = Stopwatch.StartNew();
        string html;
        do
        {
            await Task.Delay(500);
            html = await ServicesPageAsync(journey);
        }
        while (!condition(html) && started.Elapsed < timeout);

        Assert.True(condition(html), $"Service View did not reach the expected state within {timeout.TotalSeconds} s:\n{Regex.Replace(html, "<[^>]+>", " ")}");
        return html;
    }

    [GeneratedRegex("id=\"last-sync\" data-at=\"([^\"]*)\"")]
    private static partial Regex LastSyncAt();
}
