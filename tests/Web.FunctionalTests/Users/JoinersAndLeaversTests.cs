using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Users;

/// <summary>
/// Joiners and leavers through directory changes made with the sandbox's control endpoints, a "Sync now", and what the
/// User Provisioning review then shows: joiners as New (or accepted with "Accept joiners automatically"), leavers kept
/// for history without login, guests and shared and room mailboxes under Not imported with the reason.
/// </summary>
public sealed class JoinersAndLeaversTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    [Fact]
    public async Task JoinerArrivesAsNewLeaversAreDeactivatedAndGuestsSharedAndRoomMailboxesAreListedAsNotImported()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var staff = App.Sandbox.Directory.GetUsers(Fabrikam.TenantId)
            .Where(u => u.Mail != Fabrikam.AdminEmail && u.Mail != Fabrikam.MemberEmail && u.UserType == "Member").OrderBy(u => u.Mail).ToList();
        var (deleted, disabled) = (staff[0], staff[1]);
        var disabledSession = await SignInWithRoleAsync(Fabrikam.TenantId, disabled.Mail!, PersonRole.Manager);
        Assert.Equal(HttpStatusCode.OK, (await disabledSession.Browser.GetAsync(disabledSession.At("/Dashboard"))).StatusCode);

        var joiner = await AddUserAsync(new { displayName = "Jonas Berg", department = "Sales", jobTitle = "Account Executive" });
        var orders = await AddUserAsync(new { displayName = "Fabrikam Orders", mailboxPurpose = "shared" });
        var room = await AddUserAsync(new { displayName = "Lake Room", mailboxPurpose = "room" });
        var guest = await AddUserAsync(new { displayName = "Ravi Shah", guestMail = "ravi@contractor.example" });
        await ControlAsync(HttpMethod.Delete, $"sandbox/tenants/{Fabrikam.TenantId}/users/{deleted.Id}");
        await ControlAsync(HttpMethod.Post, $"sandbox/tenants/{Fabrikam.TenantId}/users/{disabled.Id}/update", new { accountEnabled = "false" });
        App.Sandbox.RequestLog.Clear();

        var synced = await SyncNowAsync(owner);

        Assert.Contains("The directory is up to date", synced, StringComparison.Ordinal);
        var people = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().ToDictionaryAsync(p => p.ExternalId));
        Assert.Equal((ProvisioningState.New, PersonStatus.Active), (people[joiner.Id].ProvisioningState, people[joiner.Id].Status));
        Assert.Equal((PersonStatus.Removed, false), (people[deleted.Id].Status, people[deleted.Id].HasLoginAccess));
        Assert.Equal((PersonStatus.Removed, false), (people[disabled.Id].Status, people[disabled.Id].HasLoginAccess));
        Assert.DoesNotContain(people.Keys, id => id == orders.Id || id == room.Id || id == guest.Id);
        var dashboard = await disabledSession.Browser.GetAsync(disabledSession.At("/Dashboard"));
        Assert.Equal((HttpStatusCode.Redirect, "/Login"), (dashboard.StatusCode, dashboard.Headers.Location!.AbsolutePath));

        var newTab = WebUtility.HtmlDecode(await ReadAsync(owner, "/Settings/Users/Provisioning?state=New&search=jonas"));
        Assert.Contains("Jonas Berg", newTab, StringComparison.Ordinal);
        var notImported = WebUtility.HtmlDecode(await ReadAsync(owner, "/Settings/Users/Provisioning?view=not-imported"));
        Assert.Contains("Not imported <span class=\"count\">3</span>", notImported, StringComparison.Ordinal);
        AssertRow(notImported, orders.Mail!, "Shared mailbox", "A mailbox several people share");
        AssertRow(notImported, room.Mail!, "Meeting room", "A room booked through its calendar");
        AssertRow(notImported, guest.Mail!, "Guest account", "Someone from another organisation");

        // Of the mailboxes not imported, only the shared and the room one's purpose was asked; nothing of the guest.
        var theirs = App.Sandbox.RequestLog.Entries.Where(e => new[] { orders.Id, room.Id, guest.Id }.Any(id => e.PathAndQuery.Contains($"/users/{id}", StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.Equal(
            [$"/v1.0/users/{orders.Id}/mailboxSettings/userPurpose", $"/v1.0/users/{room.Id}/mailboxSettings/userPurpose"],
            theirs.Select(e => e.PathAndQuery).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OwnerAcceptsJoinersAutomaticallyThenTheNextJoinerIsAlreadyLinkedAndATechnicalAdminCannotChangeIt()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var admin = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.TechnicalAdmin);
        const string Page = "/Settings/Users/Provisioning";
        var adminPage = WebUtility.HtmlDecode(await ReadAsync(admin, Page));
        Assert.Contains("<strong>Joiners wait for review as New.</strong> Only an Owner changes this.", adminPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"joiners-form\"", adminPage, StringComparison.Ordinal);

        var (saved, _) = await owner.Browser.SubmitFormAsync(await ReadAsync(owner, Page), owner.At(Page), "joiners-form", new Dictionary<string, string>
        {
            ["Joiners.AcceptAutomatically"] = "true",
            ["Joiners.TenantId"] = Guid.NewGuid().ToString(),
        });
        var refused = await admin.Browser.SendAsync(HttpMethod.Post, admin.At($"{Page}?page=1&handler=Joiners"), [new("Joiners.AcceptAutomatically", "false"), new("__RequestVerificationToken", await admin.AntiforgeryTokenAsync(Page))]);
        var forged = await owner.Browser.SubmitFormAsync(await ReadAsync(owner, Page), owner.At(Page), "joiners-form", new Dictionary<string, string> { ["Joiners.AcceptAutomatically"] = "maybe" });
        var joiner = await AddUserAsync(new { displayName = "Ines Duarte", department = "Engineering" });
        await SyncNowAsync(owner);

        Assert.Contains("Joiners are now accepted automatically", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("/Error/403", StringComparison.Ordinal) == true, refused.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, forged.Response.StatusCode);
        Assert.Contains("Enter a valid value.", await forged.Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.Tenants.Select(t => t.AcceptsJoinersAutomatically).SingleAsync()));
        var audit = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.Where(e => e.Action == "provisioning.joiners.changed").Select(e => new { e.Before, e.After }).ToListAsync());
        Assert.Equal([("Joiners wait as New for review", "Joiners are accepted automatically")], audit.Select(e => (e.Before!, e.After!)));
        var person = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.ExternalId == joiner.Id));
        Assert.Equal((ProvisioningState.AlreadyLinked, PersonStatus.Active), (person.ProvisioningState, person.Status));
        Assert.Equal(0, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.CountAsync(p => p.ExternalId != joiner.Id && p.ProvisioningState == ProvisioningState.AlreadyLinked && p.Email != Fabrikam.AdminEmail)));
    }

    private static void AssertRow(string html, string email, string kind, string why)
    {
        var start = html.IndexOf($"data-email=\"{email}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row for {email}.");
        var row = html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
        Assert.Contains(kind, row, StringComparison.Ordinal);
        Assert.Contains(why, row, StringComparison.Ordinal);
    }

    /// <summary>Adds a user through the sandbox's control endpoint, as a tester would from its page.</summary>
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
        return await synced.Content.ReadAsStringAsync();
    }

    private static async Task<string> ReadAsync(SignUpJourney browser, string path)
    {
        var response = await browser.Browser.GetAsync(browser.At(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
