using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Ingestion;

/// <summary>A person blocked on the User Provisioning review: their activity goes, and the next sync never reads their mailbox.</summary>
public sealed partial class BlockedPersonSyncTests : IAsyncLifetime
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;
    private readonly WorkSightsApp app = new() { ActivitySyncEnabled = true };
    private SignUpJourney? owner;

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync()
    {
        owner?.Dispose();
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    [Fact]
    public async Task BlockingRemovesTheirActivityAndTheNextSyncReadsNoMailboxOfTheirs()
    {
        owner = new SignUpJourney(app);
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await WaitForAsync(
            () => app.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AnyAsync(p => p.Email != Fabrikam.AdminEmail && db.Activities.Any(a => a.PersonId == p.Id) && db.PersonDays.Any(d => d.PersonId == p.Id))),
            "activity and days of someone besides the owner");
        await WaitForAsync(async () => ServiceViewIsIdle(await ReadAsync(owner.At("/Settings/Services"))), "first sync to finish");
        var blocked = await app.InWorkspaceAsync(Fabrikam.TenantId, db => db.People
            .Where(p => p.Email != Fabrikam.AdminEmail && db.Activities.Any(a => a.PersonId == p.Id))
            .OrderBy(p => p.DisplayName).FirstAsync());
        var page = owner.At($"/Settings/Users/Provisioning?search={Uri.EscapeDataString(blocked.Email)}");

        var (done, _) = await owner.Browser.SubmitFormAsync(await ReadAsync(page), page, "review-form", new Dictionary<string, string>
        {
            ["Review.PersonIds[0]"] = blocked.Id.ToString(),
            ["Review.State"] = "Blocked",
        });

        Assert.Contains("1 identity is now Blocked.", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.InWorkspaceAsync(Fabrikam.TenantId, db => db.Activities.CountAsync(a => a.PersonId == blocked.Id)));

        app.Sandbox.RequestLog.Clear();
        var services = owner.At("/Settings/Services");
        await owner.Browser.SubmitFormAsync(await ReadAsync(services), services, "sync-now-form");
        var others = await app.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.Where(Person.IsImportable).Select(p => p.ExternalId).ToListAsync());
        await WaitForAsync(
            () => Task.FromResult(others.All(id => app.Sandbox.RequestLog.Entries.Any(e => ReadsMailboxOf(e, id) && e.PathAndQuery.Contains("calendarView", StringComparison.OrdinalIgnoreCase)))),
            "every other mailbox's calendar read");

        Assert.DoesNotContain(app.Sandbox.RequestLog.Entries, e => ReadsMailboxOf(e, blocked.ExternalId));
        Assert.Contains(app.Sandbox.RequestLog.Entries, e => e.PathAndQuery.Contains("/messages/delta", StringComparison.OrdinalIgnoreCase));
        await WaitForAsync(async () => ServiceViewIsIdle(await ReadAsync(services)), "second sync to finish");
        Assert.Equal((0, 0), await app.InWorkspaceAsync(Fabrikam.TenantId, async db =>
            (await db.Activities.CountAsync(a => a.PersonId == blocked.Id), await db.PersonDays.CountAsync(d => d.PersonId == blocked.Id))));
    }

    private static bool ServiceViewIsIdle(string html) =>
        html.Contains(">Connected<", StringComparison.Ordinal) && LastSync().IsMatch(html);

    [GeneratedRegex("id=\"last-sync\" data-at=\"\\d")]
    private static partial Regex LastSync();

    private static bool ReadsMailboxOf(SandboxRequestLogEntry entry, string externalId) =>
        entry.PathAndQuery.Contains($"/users/{externalId}/", StringComparison.OrdinalIgnoreCase);

    private async Task<string> ReadAsync(Uri url)
    {
        var response = await owner!.Browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var started = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(90), $"No {what} within 90 s.");
            await Task.Delay(500);
        }
    }
}
