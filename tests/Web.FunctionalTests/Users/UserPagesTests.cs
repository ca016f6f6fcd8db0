using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.People;
using WorkSights.Domain.Schedules;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Users;

/// <summary>Add and Manage Users: the directory page and a person's Profile form, as an Owner and a Technical Admin use them.</summary>
public sealed class UserPagesTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    [Fact]
    public async Task DirectoryKeepsFiltersInTheUrlAndClampsAPagePastTheLast()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await App.ChangePersonAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, p => p.AssignRole(PersonRole.TechnicalAdmin));
        var current = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.CountAsync(p => p.Status != PersonStatus.Removed));
        var lastPage = (int)Math.Ceiling(current / 50.0);

        var all = await ReadAsync(owner, "/Settings/Users?page=999");
        var admins = await ReadAsync(owner, "/Settings/Users?role=TechnicalAdmin&sort=Team");
        var nonsense = await owner.Browser.GetAsync(owner.At("/Settings/Users?role=Wizard"));

        Assert.Contains($"Page {lastPage} of {lastPage}", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Page 999", all, StringComparison.Ordinal);
        Assert.Contains($"<strong>{current:N0}</strong> people", all, StringComparison.Ordinal);
        Assert.Contains("<strong>1</strong> person match", admins, StringComparison.Ordinal);
        Assert.Contains(Fabrikam.MemberEmail, admins, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(">Technical Admin<", admins, StringComparison.Ordinal);
        Assert.DoesNotContain(">TechnicalAdmin<", admins, StringComparison.Ordinal);
        Assert.Contains("value=\"Team\" selected", admins, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
    }

    [Fact]
    public async Task ManagerFilterFindsAManagerByEMailOrNameSuggestsThemAsTypedAndSaysWhenATextNamesNobodyOrSeveral()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var (manager, reports) = await App.InWorkspaceAsync(Fabrikam.TenantId, async db =>
        {
            var busiest = await db.People.Where(p => p.ManagerExternalId != null && p.Status != PersonStatus.Removed)
                .GroupBy(p => p.ManagerExternalId).OrderByDescending(g => g.Count()).Select(g => new { g.Key, Count = g.Count() }).FirstAsync();
            return (await db.People.SingleAsync(p => p.ExternalId == busiest.Key), busiest.Count);
        });

        var suggestions = await owner.Browser.GetAsync(owner.At($"/Settings/Users?handler=Managers&term={Uri.EscapeDataString(manager.DisplayName[..4])}"));
        var byEmail = WebUtility.HtmlDecode(await ReadAsync(owner, $"/Settings/Users?manager={Uri.EscapeDataString(manager.Email)}"));
        var byName = WebUtility.HtmlDecode(await ReadAsync(owner, $"/Settings/Users?manager={Uri.EscapeDataString(manager.DisplayName.ToUpperInvariant())}"));
        var nobody = WebUtility.HtmlDecode(await ReadAsync(owner, "/Settings/Users?manager=zz-nobody"));
        var several = WebUtility.HtmlDecode(await ReadAsync(owner, "/Settings/Users?manager=%40"));
        var tooLong = await owner.Browser.GetAsync(owner.At($"/Settings/Users?handler=Managers&term={new string('x', 101)}"));

        Assert.Equal(HttpStatusCode.OK, suggestions.StatusCode);
        Assert.Equal("application/json", suggestions.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"email\":\"{manager.Email}\"", await suggestions.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        foreach (var html in new[] { byEmail, byName })
        {
            Assert.Contains(reports == 1 ? "<strong>1</strong> person match" : $"<strong>{reports}</strong> people match", html, StringComparison.Ordinal);
            Assert.Contains($"value=\"{manager.Email}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("Nobody who manages someone matches “zz-nobody”.", nobody, StringComparison.Ordinal);
        Assert.Contains("Several managers match “@”", several, StringComparison.Ordinal);
        Assert.Contains("Nobody matches these filters", nobody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("application/problem+json", tooLong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, System.Text.RegularExpressions.Regex.Count(nobody[nobody.IndexOf("<datalist", StringComparison.Ordinal)..nobody.IndexOf("</datalist>", StringComparison.Ordinal)], "<option"));
    }

    [Fact]
    public async Task ProvisioningSpeaksACustomersWordsAndAnswersAPagePastTheLastWithTheLast()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await App.ChangePersonAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, p => p.AssignRole(PersonRole.TechnicalAdmin));

        var page = await ReadAsync(owner, "/Settings/Users/Provisioning?page=999");

        Assert.Contains("There is no page 999; showing page 1, the last.", page, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", page, StringComparison.Ordinal);
        Assert.Contains(">Already linked<", page, StringComparison.Ordinal);
        Assert.Contains(">Technical Admin<", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">AlreadyLinked<", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">TechnicalAdmin<", page, StringComparison.Ordinal);
        Assert.Contains(">Can sign in<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnerChangesAPersonAndFieldsTheFormDoesNotOfferAreIgnored()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var (member, bystander) = await App.InWorkspaceAsync(Fabrikam.TenantId, async db =>
            (await db.People.SingleAsync(p => p.Email == Fabrikam.MemberEmail), await db.People.FirstAsync(p => p.Email != Fabrikam.MemberEmail && p.Email != Fabrikam.AdminEmail)));
        var page = owner.At($"/Settings/Users/{member.Id}");

        var (saved, _) = await owner.Browser.SubmitFormAsync(await ReadAsync(owner, page.PathAndQuery), page, "person-form", Plus(
            Form(PersonRole.Manager, login: true, active: true, team: "Field sales", position: "Lead"),
            ("TenantId", Guid.NewGuid().ToString()),
            ("Edit.TenantId", Guid.NewGuid().ToString()),
            ("Edit.PersonId", bystander.Id.ToString()),
            ("PersonId", bystander.Id.ToString()),
            ("Edit.ProvisioningState", nameof(ProvisioningState.Blocked)),
            ("Edit.Email", "someone@else.example")));

        var html = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync());
        Assert.Contains("Changes saved.", html, StringComparison.Ordinal);
        var (after, bystanderAfter) = await App.InWorkspaceAsync(Fabrikam.TenantId, async db =>
            (await db.People.AsNoTracking().SingleAsync(p => p.Id == member.Id), await db.People.AsNoTracking().SingleAsync(p => p.Id == bystander.Id)));
        Assert.Equal((PersonRole.Manager, true, "Field sales", "Lead"), (after.Role, after.HasLoginAccess, after.Department, after.JobTitle));
        Assert.Equal((member.TenantId, member.Email, member.ProvisioningState), (after.TenantId, after.Email, after.ProvisioningState));
        Assert.Equal((bystander.Role, bystander.Department, bystander.HasLoginAccess), (bystanderAfter.Role, bystanderAfter.Department, bystanderAfter.HasLoginAccess));
        var actions = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.Where(e => e.Action.StartsWith("person.")).Select(e => e.Action).ToListAsync());
        Assert.Equal(["person.login.changed", "person.position.changed", "person.role.changed", "person.team.changed"], actions.Order());
    }

    [Fact]
    public async Task TechnicalAdminReadsWhyBesideTheFormGivenMakingAnOwnerOrAnUnknownManager()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var admin = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.TechnicalAdmin);
        var someone = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.FirstAsync(p => p.Email != Fabrikam.MemberEmail && p.Email != Fabrikam.AdminEmail));
        var page = admin.At($"/Settings/Users/{someone.Id}");
        var html = await ReadAsync(admin, page.PathAndQuery);

        var (owners, _) = await admin.Browser.SubmitFormAsync(html, page, "person-form", Form(PersonRole.Owner, login: true, active: true));
        var (unknown, _) = await admin.Browser.SubmitFormAsync(html, page, "person-form", Plus(Form(PersonRole.Member, login: false, active: true), ("Edit.ManagerEmail", "nobody@nowhere.example")));
        var (badEmail, _) = await admin.Browser.SubmitFormAsync(html, page, "person-form", Plus(Form(PersonRole.Member, login: false, active: true), ("Edit.ManagerEmail", "not an address")));

        Assert.Contains("Only an Owner can make someone an Owner", WebUtility.HtmlDecode(await owners.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Nobody in the directory has the e-mail nobody@nowhere.example.", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Enter the manager&#x27;s e-mail address.", await badEmail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Id == someone.Id));
        Assert.Equal((PersonRole.Member, someone.ManagerExternalId), (after.Role, after.ManagerExternalId));
    }

    [Fact]
    public async Task AnotherWorkspacesPersonIsNotFoundAndAPostWithoutTokenIsRefused()
    {
        var contoso = NewBrowser();
        await contoso.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var contosoPerson = await App.InWorkspaceAsync(SandboxTenants.Contoso.TenantId, db => db.People.FirstAsync());
        var member = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.SingleAsync(p => p.Email == Fabrikam.MemberEmail));
        var foreign = owner.At($"/Settings/Users/{contosoPerson.Id}");
        var ownPage = owner.At($"/Settings/Users/{member.Id}");

        var get = await owner.Browser.GetAsync(foreign);
        var (post, _) = await owner.Browser.SubmitFormAsync(await ReadAsync(owner, ownPage.PathAndQuery), foreign, "person-form", Form(PersonRole.Executive, login: true, active: true), follow: false);
        var withoutToken = await owner.Browser.SendAsync(HttpMethod.Post, ownPage, Form(PersonRole.Executive, login: true, active: true));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (get.StatusCode, post.StatusCode, withoutToken.StatusCode));
        var (contosoAfter, memberAfter) = (
            await App.InWorkspaceAsync(SandboxTenants.Contoso.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Id == contosoPerson.Id)),
            await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Id == member.Id)));
        Assert.Equal((contosoPerson.Role, member.Role), (contosoAfter.Role, memberAfter.Role));
    }

    [Fact]
    public async Task DemotedOwnerLosesAccountViewOnTheirNextRequest()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var second = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Owner);
        Assert.Equal(HttpStatusCode.OK, (await second.Browser.GetAsync(second.At("/Settings/Account"))).StatusCode);

        await SaveAsync(owner, Fabrikam.MemberEmail, Form(PersonRole.Member, login: true, active: true));

        var account = await second.Browser.GetAsync(second.At("/Settings/Account"));
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.Contains("/Error/403", account.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await second.Browser.GetAsync(second.At("/Dashboard"))).StatusCode);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task PersonIsSignedOutOnTheirNextRequestGivenLoginAccessRemovedOrDeactivated(bool login, bool active)
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var member = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Manager);
        Assert.Equal(HttpStatusCode.OK, (await member.Browser.GetAsync(member.At("/Dashboard"))).StatusCode);

        await SaveAsync(owner, Fabrikam.MemberEmail, Form(PersonRole.Manager, login, active));

        var dashboard = await member.Browser.GetAsync(member.At("/Dashboard"));
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/Login", dashboard.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await member.Browser.GetAsync(member.At("/api/v1/workspace"))).StatusCode);
    }

    [Fact]
    public async Task OwnerChangesEveryoneMatchingATeamFilterAtOnceAndABulkPostWithoutTokenIsRefused()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var team = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.Where(p => p.Department != null && p.Role == PersonRole.Member)
            .GroupBy(p => p.Department).OrderByDescending(g => g.Count()).Select(g => g.Key!).FirstAsync());
        var inTeam = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.CountAsync(p => p.Department == team && p.Status != PersonStatus.Removed));
        var view = owner.At($"/Settings/Users?team={Uri.EscapeDataString(team)}");
        var html = await ReadAsync(owner, view.PathAndQuery);

        var withoutToken = await owner.Browser.SendAsync(HttpMethod.Post, owner.At($"{view.PathAndQuery}&handler=Bulk"), new Dictionary<string, string> { ["Bulk.AllMatching"] = "true", ["Bulk.Kind"] = "Role", ["Bulk.Role"] = "Executive" });
        var (done, url) = await owner.Browser.SubmitFormAsync(html, view, "bulk-form", new Dictionary<string, string>
        {
            ["Bulk.AllMatching"] = "true",
            ["Bulk.Kind"] = "Team",
            ["Bulk.Team"] = "Renamed team",
            ["Bulk.TenantId"] = Guid.NewGuid().ToString(),
            ["Bulk.Role"] = "Owner",
        });

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        var doneHtml = WebUtility.HtmlDecode(await done.Content.ReadAsStringAsync());
        Assert.True(doneHtml.Contains($"{inTeam:N0} people changed.", StringComparison.Ordinal), $"{url} {doneHtml[doneHtml.IndexOf("<main", StringComparison.Ordinal)..][..1500]}");
        Assert.Contains("team=", url.Query, StringComparison.Ordinal);
        Assert.Equal(inTeam, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.CountAsync(p => p.Department == "Renamed team" && p.TeamOverride == "Renamed team")));
        Assert.Equal(1, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.CountAsync(p => p.Role == PersonRole.Owner)));
        Assert.Equal(inTeam, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.CountAsync(e => e.Action == "person.team.changed")));
    }

    [Fact]
    public async Task OwnerPutsEveryoneMatchingATeamFilterOnANamedScheduleTheDirectoryOffers()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var workspaceId = (await App.WorkspaceAsync(Fabrikam.TenantId)).Id;
        var early = WeekPlan.Parse("07:00-15:00,07:00-15:00,07:00-15:00,07:00-15:00,07:00-15:00,off,off");
        var scheduleId = await App.InWorkspaceAsync(Fabrikam.TenantId, db =>
        {
            var schedule = NamedSchedule.Create(workspaceId, "Early shift", early, DateTimeOffset.UtcNow);
            db.NamedSchedules.Add(schedule);
            return Task.FromResult(schedule.Id);
        });
        var team = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.Where(p => p.Department != null)
            .GroupBy(p => p.Department).OrderByDescending(g => g.Count()).Select(g => g.Key!).FirstAsync());
        var inTeam = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.CountAsync(p => p.Department == team && p.Status != PersonStatus.Removed));
        var view = owner.At($"/Settings/Users?team={Uri.EscapeDataString(team)}");
        var html = await ReadAsync(owner, view.PathAndQuery);

        var (done, _) = await owner.Browser.SubmitFormAsync(html, view, "bulk-form", new Dictionary<string, string>
        {
            ["Bulk.AllMatching"] = "true",
            ["Bulk.Kind"] = "Schedule",
            ["Bulk.NamedScheduleId"] = scheduleId.ToString(),
        });

        Assert.Contains($"<option value=\"{scheduleId}\">Early shift (", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"{inTeam:N0} people changed.", WebUtility.HtmlDecode(await done.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(inTeam, await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.PersonScheduleSettings.CountAsync(s => s.NamedScheduleId == scheduleId)));
    }

    [Fact]
    public async Task PersonsPageOffersASignInLinkWithTheirEmailAsHintGivenLoginAccess()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await App.ChangePersonAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, p => p.GrantLoginAccess());
        var member = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.SingleAsync(p => p.Email == Fabrikam.MemberEmail));

        var html = WebUtility.HtmlDecode(await ReadAsync(owner, $"/Settings/Users/{member.Id}"));

        var link = new Uri(App.BaseAddress, $"/Login?login_hint={Uri.EscapeDataString(member.Email)}");
        Assert.Contains(link.ToString(), html, StringComparison.Ordinal);
        var login = WebUtility.HtmlDecode(await ReadAsync(NewBrowser(), link.PathAndQuery));
        Assert.Contains($"You were invited to sign in as <strong>{member.Email}</strong>", login, StringComparison.Ordinal);
        Assert.DoesNotContain("invited", WebUtility.HtmlDecode(await ReadAsync(NewBrowser(), "/Login?login_hint=not-an-address")), StringComparison.Ordinal);
    }

    /// <summary>The Profile form as a person fills it; checkboxes post "true" only when ticked (their hidden "false" stays).</summary>
    private static Dictionary<string, string> Form(PersonRole role, bool login, bool active, string team = "", string position = "") => new()
    {
        ["Edit.Position"] = position,
        ["Edit.Team"] = team,
        ["Edit.ManagerEmail"] = "",
        ["Edit.Role"] = role.ToString(),
        ["Edit.HasLoginAccess"] = login ? "true" : "false",
        ["Edit.IsActive"] = active ? "true" : "false",
    };

    private static Dictionary<string, string> Plus(Dictionary<string, string> form, params (string Name, string Value)[] more)
    {
        foreach (var (name, value) in more)
        {
            form[name] = value;
        }

        return form;
    }

    private async Task SaveAsync(SignUpJourney editor, string email, Dictionary<string, string> form)
    {
        var person = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.SingleAsync(p => p.Email == email));
        var page = editor.At($"/Settings/Users/{person.Id}");
        var (saved, _) = await editor.Browser.SubmitFormAsync(await ReadAsync(editor, page.PathAndQuery), page, "person-form", form);
        Assert.Contains("Changes saved.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<string> ReadAsync(SignUpJourney browser, string path)
    {
        var response = await browser.Browser.GetAsync(browser.At(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
