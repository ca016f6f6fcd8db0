using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Scores;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Reporting;

/// <summary>Who sees what on the Dashboard, Activity Detail and My Overview (issue 11, item 9), over HTTP as a browser would.</summary>
public sealed partial class ReportingPagesTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    public ReportingPagesTests()
        : base(new WorkSightsApp())
    {
    }

    private DateOnly Day { get; } = ReportingSeed.LastWorkDay();

    private string DateParam => Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<SignUpJourney> OwnerAsync()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        return owner;
    }


    private Task<List<(Guid Id, string Email, string ExternalId, string? Manager)>> PeopleAsync(string tenantId) =>
        App.InWorkspaceAsync(tenantId, async db => (await db.People.AsNoTracking().ToListAsync()).Select(p => (p.Id, p.Email, p.ExternalId, p.ManagerExternalId)).ToList());

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(SignUpJourney browser, string path)
    {
        var response = await browser.Browser.GetAsync(browser.At(path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MemberSeesOnlyTheirOwnDayAndAnyoneElseIsNotFound()
    {
        await OwnerAsync();
        var lena = await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, Day);
        var other = (await PeopleAsync(Fabrikam.TenantId)).First(p => p.Email != Fabrikam.MemberEmail).Id;
        var member = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Member);

        var (status, dashboard) = await GetAsync(member, $"/Dashboard?date={DateParam}");
        var (ownStatus, own) = await GetAsync(member, $"/Activities/Detail/{lena}?date={DateParam}");
        var (otherStatus, _) = await GetAsync(member, $"/Activities/Detail/{other}?date={DateParam}");
        var (myStatus, my) = await GetAsync(member, "/Overviews/My");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([lena], ReportingMarkup.PersonRowIds(dashboard));
        Assert.Contains("score-chip band-yellow", dashboard, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.Contains("Quarterly planning", own, StringComparison.Ordinal);
        Assert.Contains("Not scored: a calendar entry with nobody else in it", own, StringComparison.Ordinal);
        Assert.Contains($"Computed with score model <code>{CreditingTable.Default.ModelVersion}</code>", own, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Activities/Detail/{lena}?date={Day.AddDays(-1):yyyy-MM-dd}\"", own, StringComparison.Ordinal);
        Assert.Contains($"action=\"/Activities/Detail/{lena}\"", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherStatus);
        Assert.Equal(HttpStatusCode.OK, myStatus);
        Assert.Contains("4 h 05 m", my, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagerSeesThemselvesTheirDirectAndIndirectReportsAndNobodyElse()
    {
        await OwnerAsync();
        // Fabrikam's heads of department have direct reports only: one report is moved under another to make a tree.
        var before = await PeopleAsync(Fabrikam.TenantId);
        var head = before.First(m => m.Manager is not null && m.Email != Fabrikam.AdminEmail && before.Count(r => r.Manager == m.ExternalId && r.Email != Fabrikam.AdminEmail) >= 2);
        var pair = before.Where(r => r.Manager == head.ExternalId && r.Email != Fabrikam.AdminEmail).Take(2).ToList();
        await App.ChangePersonAsync(Fabrikam.TenantId, pair[1].Email, p => p.ApplyDirectoryProfile(new DirectoryProfile(p.Email, p.DisplayName, p.Department, p.JobTitle, pair[0].ExternalId), DateTimeOffset.UtcNow));
        var people = await PeopleAsync(Fabrikam.TenantId);
        var manager = people.Single(p => p.Id == head.Id);
        var direct = people.Single(p => p.Id == pair[0].Id);
        var indirect = people.Single(p => p.Id == pair[1].Id);
        Assert.Equal(direct.ExternalId, indirect.Manager);
        var outside = people.First(p => string.Equals(p.ExternalId, manager.Manager, StringComparison.OrdinalIgnoreCase));
        await App.SeedTypicalDayAsync(Fabrikam.TenantId, indirect.Email, Day);
        var browser = await SignInWithRoleAsync(Fabrikam.TenantId, manager.Email, PersonRole.Manager);

        var (_, dashboard) = await GetAsync(browser, $"/Dashboard?date={DateParam}");
        var (indirectStatus, _) = await GetAsync(browser, $"/Activities/Detail/{indirect.Id}?date={DateParam}");
        var (outsideStatus, _) = await GetAsync(browser, $"/Activities/Detail/{outside.Id}?date={DateParam}");

        var rows = ReportingMarkup.PersonRowIds(dashboard);
        Assert.Contains(manager.Id, rows);
        Assert.Contains(direct.Id, rows);
        Assert.Contains(indirect.Id, rows);
        Assert.DoesNotContain(outside.Id, rows);
        Assert.Equal(HttpStatusCode.OK, indirectStatus);
        Assert.Equal(HttpStatusCode.NotFound, outsideStatus);
    }

    [Fact]
    public async Task OwnerAndExecutiveSeeEveryoneAndAnotherWorkspacesPersonIsNotFound()
    {
        var owner = await OwnerAsync();
        var contoso = NewBrowser();
        await contoso.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        var people = await PeopleAsync(Fabrikam.TenantId);
        var contosoPerson = (await PeopleAsync(SandboxTenants.Contoso.TenantId)).First().Id;
        var executiveEmail = people.First(p => p.Email != Fabrikam.AdminEmail && p.Email != Fabrikam.MemberEmail).Email;
        var executive = await SignInWithRoleAsync(Fabrikam.TenantId, executiveEmail, PersonRole.Executive);

        var (_, ownerDashboard) = await GetAsync(owner, $"/Dashboard?date={DateParam}");
        var (_, executiveDashboard) = await GetAsync(executive, $"/Dashboard?date={DateParam}");
        var (foreignStatus, _) = await GetAsync(owner, $"/Activities/Detail/{contosoPerson}?date={DateParam}");
        var (foreignManagerStatus, filtered) = await GetAsync(owner, $"/Dashboard?manager={contosoPerson}");

        var reported = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking()
            .Where(p => p.Status == PersonStatus.Active && p.ProvisioningState != ProvisioningState.Blocked).Select(p => p.Id).ToListAsync());
        Assert.Equal(reported.ToHashSet(), ReportingMarkup.PersonRowIds(ownerDashboard));
        Assert.Equal(reported.ToHashSet(), ReportingMarkup.PersonRowIds(executiveDashboard));
        Assert.Equal(HttpStatusCode.NotFound, foreignStatus);
        Assert.Equal(HttpStatusCode.OK, foreignManagerStatus);
        Assert.Empty(ReportingMarkup.PersonRowIds(filtered));
        Assert.Contains("Nobody matches these filters", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TechnicalAdminIsRefusedEveryReportingPage()
    {
        await OwnerAsync();
        var lena = await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, Day);
        var admin = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.TechnicalAdmin);

        // As every page a role may not use: the sign-in cookie's access-denied page, which answers 403.
        foreach (var path in new[] { "/Dashboard", $"/Activities/Detail/{lena}?date={DateParam}", "/Overviews/My" })
        {
            var response = await admin.Browser.GetAsync(admin.At(path));
            Assert.True(response.Headers.Location?.OriginalString.Contains("/Error/403", StringComparison.Ordinal) == true, $"{path} answered {(int)response.StatusCode}");
            var (denied, deniedUrl) = await admin.Browser.FollowAsync(response, admin.At(path));
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.DoesNotContain("Quarterly planning", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WithScoreVisibilityOffAMemberSeesActivityButNoScoreAnywhere()
    {
        await OwnerAsync();
        var lena = await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, Day);
        await App.InWorkspaceAsync(Fabrikam.TenantId, async db =>
        {
            (await db.Tenants.SingleAsync()).ShowScoresToMembers(false);
            return true;
        });
        var member = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Member);

        foreach (var path in new[] { $"/Dashboard?date={DateParam}", $"/Activities/Detail/{lena}?date={DateParam}", $"/Overviews/My?to={DateParam}" })
        {
            var (status, html) = await GetAsync(member, path);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("4 h 05 m", html, StringComparison.Ordinal);
            Assert.DoesNotContain("score-chip", html, StringComparison.Ordinal);
            Assert.DoesNotContain("64", ScoreWords().Replace(html, string.Empty), StringComparison.Ordinal);
            Assert.DoesNotContain("Below target", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PagesSayInPlainWordsWhenNothingHasBeenComputedYet()
    {
        var owner = await OwnerAsync();

        var (dashboardStatus, dashboard) = await GetAsync(owner, "/Dashboard");
        var (myStatus, my) = await GetAsync(owner, "/Overviews/My");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (dashboardStatus, myStatus));
        Assert.Contains("No activity yet", dashboard, StringComparison.Ordinal);
        Assert.NotEmpty(ReportingMarkup.PersonRowIds(dashboard));
        Assert.Contains("No days computed yet", my, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadValuesInTheAddressGiveReadableMessages()
    {
        var owner = await OwnerAsync();

        foreach (var (path, message) in new[]
        {
            ("/Dashboard?date=yesterday&sort=height&page=zero&manager=boss&category=lunch", "is not a date like"),
            ("/Dashboard?page=999", "There is no page 999; showing page 1, the last."),
            ("/Activities/Detail/not-a-person", "The person in the address is not one WorkSights knows"),
            ("/Activities/Detail", "Choose a person on the Dashboard"),
            ($"/Activities/Detail/{Guid.NewGuid()}?date=3000-01-01", null),
            ("/Overviews/My?from=2026-02-30&to=soon", "is not a date like"),
        })
        {
            var (status, html) = await GetAsync(owner, path);
            if (message is null)
            {
                Assert.Equal(HttpStatusCode.NotFound, status);
                continue;
            }

            Assert.True(status == HttpStatusCode.OK, $"{path} answered {(int)status}");
            Assert.Contains(message, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        }

        var (_, sorted) = await GetAsync(owner, "/Dashboard?sort=height");
        Assert.Contains("sorted by name", sorted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorrectionIsRecordedAndChangesTheScore()
    {
        var owner = await OwnerAsync();
        var lena = await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, Day);
        var detailUrl = owner.At($"/Activities/Detail/{lena}?date={DateParam}");
        var html = await (await owner.Browser.GetAsync(detailUrl)).Content.ReadAsStringAsync();
        var email = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.Activities.Where(a => a.PersonId == lena && a.Kind == Domain.Activities.ActivityKind.EmailSent).Select(a => a.Id).SingleAsync());
        Assert.Contains("<span class=\"visually-hidden\">Score </span>64", html, StringComparison.Ordinal);

        var (refused, _) = await owner.Browser.SubmitFormAsync(html, detailUrl, $"correct-{email}", new Dictionary<string, string> { ["minutes"] = "300" });
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        var (saved, savedUrl) = await owner.Browser.SubmitFormAsync(html, detailUrl, $"correct-{email}", new Dictionary<string, string> { ["minutes"] = "120" });
        var savedHtml = await saved.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("at most 240 minutes", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("corrected=1", savedUrl.Query, StringComparison.Ordinal);
        Assert.Contains("Saved. The day was recomputed", savedHtml, StringComparison.Ordinal);
        Assert.Contains("<span class=\"visually-hidden\">Score </span>94", savedHtml, StringComparison.Ordinal);
        Assert.Contains("5 m → 2 h 00 m", WebUtility.HtmlDecode(savedHtml), StringComparison.Ordinal);
        var correction = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.ActivityCorrections.AsNoTracking().SingleAsync());
        Assert.Equal((email, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(120)), (correction.ActivityId, correction.Previous, correction.Corrected));
    }

    [Fact]
    public async Task MemberCannotCorrectSomeoneElsesItem()
    {
        var owner = await OwnerAsync();
        var ownerId = (await PeopleAsync(Fabrikam.TenantId)).Single(p => p.Email == Fabrikam.AdminEmail).Id;
        await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.AdminEmail, Day);
        var ownerHtml = await (await owner.Browser.GetAsync(owner.At($"/Activities/Detail/{ownerId}?date={DateParam}"))).Content.ReadAsStringAsync();
        var email = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.Activities.Where(a => a.PersonId == ownerId && a.Kind == Domain.Activities.ActivityKind.EmailSent).Select(a => a.Id).SingleAsync());
        var member = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Member);
        var memberPage = member.At("/Dashboard");
        var memberHtml = await (await member.Browser.GetAsync(memberPage)).Content.ReadAsStringAsync();

        // The member's own antiforgery token, the owner's form: the post names an item outside the member's view.
        var form = BrowserlessClient.FindForm(ownerHtml, $"correct-{email}")!;
        var token = AntiforgeryToken().Match(memberHtml).Groups[1].Value;
        var action = WebUtility.HtmlDecode(FormAction().Match(form).Groups[1].Value);
        var response = await member.Browser.SendAsync(HttpMethod.Post, member.At(action), new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["activity"] = email.ToString(),
            ["minutes"] = "60",
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.ActivityCorrections.AnyAsync()));
    }

    /// <summary>Strips what may hold a 64 for other reasons: ids, hashes, attributes of styles and dates.</summary>
    [GeneratedRegex("<[^>]*>|[0-9a-f]{8}-[0-9a-f-]{27}|\\d{4}-\\d{2}-\\d{2}")]
    private static partial Regex ScoreWords();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("action=\"([^\"]*)\"")]
    private static partial Regex FormAction();
}
