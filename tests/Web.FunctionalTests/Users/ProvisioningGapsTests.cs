using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.SyncMailbox;
using WorkSights.Application.Scores;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Users;

/// <summary>
/// The User Provisioning review's last decisions through the pages and the sandbox: "Import anyway" on a Not imported
/// mailbox and its undo, a Link taken back with its activity, and a mailbox converted to shared after it was imported.
/// </summary>
public sealed class ProvisioningGapsTests : FunctionalTest
{
    private const string Page = "/Settings/Users/Provisioning";
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    [Fact]
    public async Task SharedMailboxImportedAnywayStaysAPersonThroughDeltaAndFullSyncsIsReadAndGoesBackWhenUndone()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var support = await AddUserAsync(new { displayName = "Fabrikam Support", mailboxPurpose = "shared" });
        await SyncNowAsync(owner);
        var identity = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.NotImportedIdentities.AsNoTracking().SingleAsync(i => i.ExternalId == support.Id));
        var notImported = owner.At($"{Page}?view=not-imported");
        var html = await ReadAsync(owner, notImported.PathAndQuery);
        Assert.Contains("Import anyway", html, StringComparison.Ordinal);

        var (imported, _) = await owner.Browser.SubmitFormAsync(html, notImported, $"import-anyway-{identity.Id}");

        Assert.Contains("Imported anyway: it is now a New identity", WebUtility.HtmlDecode(await imported.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var person = await PersonAsync(support.Id);
        Assert.Equal((ProvisioningState.New, PersonStatus.Active, NotImportedReason.SharedMailbox), (person!.ProvisioningState, person.Status, person.ImportedDespite));
        var ownerId = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.Where(p => p.Email == Fabrikam.AdminEmail).Select(p => p.Id).SingleAsync());
        var audit = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "person.imported-anyway"));
        Assert.Equal(("Fabrikam Support", (Guid?)ownerId), (audit.Subject, audit.ByPersonId));
        Assert.Contains("a shared mailbox", audit.Before, StringComparison.Ordinal);

        await SyncNowAsync(owner);
        await ControlAsync(HttpMethod.Post, "sandbox/faults/expire-delta-tokens");
        await SyncNowAsync(owner);

        var afterSyncs = await PersonAsync(support.Id);
        Assert.Equal((PersonStatus.Active, ProvisioningState.New), (afterSyncs!.Status, afterSyncs.ProvisioningState));
        Assert.False(await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.NotImportedIdentities.AnyAsync(i => i.ExternalId == support.Id)));
        App.Sandbox.RequestLog.Clear();
        var workspace = await App.WorkspaceAsync(Fabrikam.TenantId);
        var read = await SendCommandAsync(new SyncMailboxCommand(workspace.Id, person.Id, ServiceFeature.Calendar));
        Assert.Equal(SyncOutcome.Completed, read.Outcome);
        Assert.Contains(App.Sandbox.RequestLog.Entries, e => e.PathAndQuery.Contains($"/users/{support.Id}/calendarView", StringComparison.OrdinalIgnoreCase));
        var row = WebUtility.HtmlDecode(await ReadAsync(owner, $"{Page}?state=New&search=support"));
        Assert.Contains("Imported anyway: shared mailbox", row, StringComparison.Ordinal);

        var confirm = owner.At($"{Page}?state=New&search=support&page=1&undo={person.Id}");
        var confirmHtml = WebUtility.HtmlDecode(await ReadAsync(owner, confirm.PathAndQuery));
        Assert.Contains("Send Fabrikam Support back to Not imported?", confirmHtml, StringComparison.Ordinal);
        var (undone, _) = await owner.Browser.SubmitFormAsync(confirmHtml, confirm, "undo-form");

        Assert.Contains("Back to Not imported", WebUtility.HtmlDecode(await undone.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await PersonAsync(support.Id));
        Assert.Equal(0, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.Activities.CountAsync(a => a.PersonId == person.Id)));
        Assert.Equal(1, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.CountAsync(e => e.Action == "person.imported-anyway.undone")));
        await SyncNowAsync(owner);
        Assert.Null(await PersonAsync(support.Id));
        Assert.Equal(NotImportedReason.SharedMailbox, (await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.NotImportedIdentities.SingleAsync(i => i.ExternalId == support.Id))).Reason);
    }

    [Fact]
    public async Task ForgedOrUnknownIdentityIsRefusedWithoutAnErrorPageAndAManagerCannotImportAnyway()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var room = await AddUserAsync(new { displayName = "Fjord Room", mailboxPurpose = "room" });
        await SyncNowAsync(owner);
        var identity = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.NotImportedIdentities.AsNoTracking().SingleAsync(i => i.ExternalId == room.Id));
        var notImported = owner.At($"{Page}?view=not-imported");
        var html = await ReadAsync(owner, notImported.PathAndQuery);

        var (forged, _) = await owner.Browser.SubmitFormAsync(html, notImported, $"import-anyway-{identity.Id}", new Dictionary<string, string> { ["identityId"] = "not-a-guid" });
        var (unknown, _) = await owner.Browser.SubmitFormAsync(html, notImported, $"import-anyway-{identity.Id}", new Dictionary<string, string> { ["identityId"] = Guid.NewGuid().ToString() });
        var manager = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Manager);
        var refused = await manager.Browser.SendAsync(
            HttpMethod.Post, manager.At($"{Page}?view=not-imported&page=1&handler=ImportAnyway"), [new("identityId", identity.Id.ToString()), new("__RequestVerificationToken", await manager.AntiforgeryTokenAsync("/Dashboard"))]);

        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Enter a valid value.", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("/Error/403", StringComparison.Ordinal) == true, refused.StatusCode.ToString());
        Assert.Null(await PersonAsync(room.Id));
    }

    [Fact]
    public async Task LinkTakenBackToNewMovesTheReadActivityBackAndTheTargetsDaysComeBackAsBefore()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var workspace = await App.WorkspaceAsync(Fabrikam.TenantId);
        var staff = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking()
            .Where(p => p.Email != Fabrikam.AdminEmail && p.Email != Fabrikam.MemberEmail && p.Status == PersonStatus.Active && p.ProvisioningState != ProvisioningState.Blocked)
            .OrderBy(p => p.Email).Take(2).ToListAsync());
        var (identity, target) = (staff[0], staff[1]);
        foreach (var person in staff)
        {
            Assert.Equal(SyncOutcome.Completed, (await SendCommandAsync(new SyncMailboxCommand(workspace.Id, person.Id, ServiceFeature.Calendar))).Outcome);
        }

        var identitysOwn = await ExternalIdsAsync(identity.Id);
        var targetsOwn = await ExternalIdsAsync(target.Id);
        Assert.NotEmpty(identitysOwn.Except(targetsOwn));
        var total = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.Activities.CountAsync());
        await DrainMarksAsync(workspace.Id);
        var targetDaysBefore = await CreditedAsync(target.Id);

        await ReviewAsync(owner, identity, "Link", target.Email);

        Assert.Equal(identitysOwn.Union(targetsOwn).Order(), (await ExternalIdsAsync(target.Id)).Order());
        Assert.Equal(identitysOwn.Except(targetsOwn).Count(), await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.Activities.CountAsync(a => a.SourcePersonId == identity.Id)));
        await DrainMarksAsync(workspace.Id);
        Assert.NotEqual(targetDaysBefore, await CreditedAsync(target.Id));

        await ReviewAsync(owner, identity, "New", null);

        Assert.Equal(identitysOwn.Except(targetsOwn).Order(), (await ExternalIdsAsync(identity.Id)).Order());
        Assert.Equal(targetsOwn.Order(), (await ExternalIdsAsync(target.Id)).Order());
        Assert.Equal(total - identitysOwn.Intersect(targetsOwn).Count(), await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.Activities.CountAsync()));
        Assert.True(await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.DirtyPersonDays.AnyAsync(d => d.PersonId == target.Id)));
        Assert.True(await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.DirtyPersonDays.AnyAsync(d => d.PersonId == identity.Id)));
        await DrainMarksAsync(workspace.Id);
        Assert.Equal(targetDaysBefore, await CreditedAsync(target.Id));
        Assert.NotEmpty(await CreditedAsync(identity.Id));
    }

    [Fact]
    public async Task MailboxConvertedToSharedIsFlaggedOnTheNextSyncAndStoppingDeactivatesItWhileKeepingSurvivesLaterSyncs()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var staff = App.Sandbox.Directory.GetUsers(Fabrikam.TenantId)
            .Where(u => u.Mail != Fabrikam.AdminEmail && u.Mail != Fabrikam.MemberEmail && u.UserType == "Member" && u.AccountEnabled && u.AssignedLicenseSkuIds.Count > 0)
            .OrderBy(u => u.Mail).Take(2).ToList();
        var (stopped, kept) = (staff[0], staff[1]);
        var session = await SignInWithRoleAsync(Fabrikam.TenantId, stopped.Mail!, PersonRole.Member);
        await ControlAsync(HttpMethod.Post, $"sandbox/tenants/{Fabrikam.TenantId}/users/{stopped.Id}/update", new { mailboxPurpose = "shared" });
        await ControlAsync(HttpMethod.Post, $"sandbox/tenants/{Fabrikam.TenantId}/users/{kept.Id}/update", new { mailboxPurpose = "room" });

        await SyncNowAsync(owner);

        var flagged = await PersonAsync(stopped.Id);
        Assert.Equal((NotImportedReason.SharedMailbox, PersonStatus.Active), (flagged!.MailboxConvertedTo, flagged.Status));
        var html = WebUtility.HtmlDecode(await ReadAsync(owner, Page));
        var day = flagged.MailboxConvertedAt!.Value.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Became a shared mailbox on {day}", html, StringComparison.Ordinal);
        Assert.Contains("Became a meeting room's mailbox on", html, StringComparison.Ordinal);

        var (stop, _) = await owner.Browser.SubmitFormAsync(html, owner.At(Page), $"mailbox-{flagged.Id}", new Dictionary<string, string> { ["keepReporting"] = "false" });
        var keptPerson = await PersonAsync(kept.Id);
        var (keep, _) = await owner.Browser.SubmitFormAsync(html, owner.At(Page), $"mailbox-{keptPerson!.Id}", new Dictionary<string, string> { ["keepReporting"] = "true" });

        Assert.Contains("No longer reported", WebUtility.HtmlDecode(await stop.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Still reported", WebUtility.HtmlDecode(await keep.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var dashboard = await session.Browser.GetAsync(session.At("/Dashboard"));
        Assert.Equal((HttpStatusCode.Redirect, "/Login"), (dashboard.StatusCode, dashboard.Headers.Location!.AbsolutePath));
        await SyncNowAsync(owner);
        var (afterStop, afterKeep) = (await PersonAsync(stopped.Id), await PersonAsync(kept.Id));
        Assert.Equal((PersonStatus.Inactive, false), (afterStop!.Status, afterStop.HasLoginAccess));
        Assert.Equal((PersonStatus.Active, NotImportedReason.Room), (afterKeep!.Status, afterKeep.ImportedDespite!.Value));
        Assert.DoesNotContain("id=\"converted-mailboxes\"", await ReadAsync(owner, Page), StringComparison.Ordinal);
        var audit = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.Where(e => e.Action.StartsWith("person.mailbox")).Select(e => e.Action).ToListAsync());
        Assert.Equal(["person.mailbox-conversion.decided", "person.mailbox-conversion.decided", "person.mailbox.converted", "person.mailbox.converted"], audit.Order(StringComparer.Ordinal));
    }

    private async Task ReviewAsync(SignUpJourney owner, Person identity, string state, string? linkTo)
    {
        var page = owner.At($"{Page}?search={Uri.EscapeDataString(identity.Email)}");
        var values = new Dictionary<string, string>
        {
            ["Review.PersonIds[0]"] = identity.Id.ToString(),
            ["Review.AllMatching"] = "false",
            ["Review.State"] = state,
        };
        if (linkTo is not null)
        {
            values["Review.LinkTargetEmail"] = linkTo;
        }

        var (response, _) = await owner.Browser.SubmitFormAsync(await ReadAsync(owner, page.PathAndQuery), page, "review-form", values);
        Assert.Contains("1 identity is now", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private Task<List<string>> ExternalIdsAsync(Guid personId) =>
        App.InWorkspaceAsync(Fabrikam.TenantId, db => db.Activities.Where(a => a.PersonId == personId).Select(a => a.ExternalId).ToListAsync());

    /// <summary>The person's stored days with credited time, as (date, credited minutes), in date order.</summary>
    private async Task<List<(DateOnly, double)>> CreditedAsync(Guid personId) =>
        (await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.PersonDays.AsNoTracking().Where(d => d.PersonId == personId).Select(d => new { d.Date, d.Credited }).ToListAsync()))
            .Where(d => d.Credited > TimeSpan.Zero).OrderBy(d => d.Date).Select(d => (d.Date, d.Credited.TotalMinutes)).ToList();

    /// <summary>What the recompute job does with a workspace's marks: recomputes the days they name.</summary>
    private async Task DrainMarksAsync(Guid workspaceId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(workspaceId);
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var marks = await db.DirtyPersonDays.AsNoTracking().Select(m => new PersonDate(m.PersonId, m.Date)).ToListAsync();
        await scope.ServiceProvider.GetRequiredService<IPersonDayRecomputer>().RecomputeAsync(marks, CancellationToken.None);
    }

    private Task<Person?> PersonAsync(string externalId) =>
        App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleOrDefaultAsync(p => p.ExternalId == externalId));

    private async Task<(string Id, string? Mail)> AddUserAsync(object fields)
    {
        var user = await ControlAsync(HttpMethod.Post, $"sandbox/tenants/{Fabrikam.TenantId}/users", fields);
        return (user.GetProperty("id").GetString()!, user.GetProperty("mail").GetString());
    }

    private async Task<JsonElement> ControlAsync(HttpMethod method, string path, object? fields = null)
    {
        using var http = new HttpClient { BaseAddress = App.Sandbox.HttpBaseAddress };
        using var request = new HttpRequestMessage(method, path) { Content = fields is null ? null : JsonContent.Create(fields) };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string> SyncNowAsync(SignUpJourney owner)
    {
        var page = await owner.Browser.GetAsync(owner.At("/Settings/Services"));
        var (synced, _) = await owner.Browser.SubmitFormAsync(await page.Content.ReadAsStringAsync(), owner.At("/Settings/Services"), "sync-now-form");
        var text = await synced.Content.ReadAsStringAsync();
        Assert.Contains("The directory is up to date", text, StringComparison.Ordinal);
        return text;
    }

    private static async Task<string> ReadAsync(SignUpJourney browser, string path)
    {
        var response = await browser.Browser.GetAsync(browser.At(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
