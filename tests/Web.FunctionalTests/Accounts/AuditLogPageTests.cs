using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts;
using WorkSights.Domain.Audit;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Accounts;

/// <summary>Issue 12, item 4: the audit log of the sign-up and of every settings change, filtered, paged and exported.</summary>
public sealed class AuditLogPageTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    [Fact]
    public async Task SignUpRecordsConsentProvisioningAndTheFirstOwnerWithTheirAddress()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);

        var admin = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Email == Fabrikam.AdminEmail));
        var entries = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.AsNoTracking().OrderBy(e => e.At).ThenBy(e => e.Action).ToListAsync());
        Assert.Equal(
            [AccountAuditActions.ConsentGranted, AccountAuditActions.FirstOwnerEstablished, AccountAuditActions.WorkspaceProvisioned],
            entries.Select(e => e.Action).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.Equal("127.0.0.1", e.FromAddress));
        var consent = entries.Single(e => e.Action == AccountAuditActions.ConsentGranted);
        Assert.Equal(("Waiting for an administrator's consent", $"Consent granted by "), (consent.Before, consent.After![..19]));
        Assert.Contains(Fabrikam.AdminEmail, consent.After, StringComparison.Ordinal);
        var established = entries.Single(e => e.Action == AccountAuditActions.FirstOwnerEstablished);
        Assert.Equal((admin.Id, admin.DisplayName, "Member"), (established.ByPersonId, established.Subject, established.Before));
        Assert.Equal(admin.Id, entries.Single(e => e.Action == AccountAuditActions.WorkspaceProvisioned).ByPersonId);
    }

    [Fact]
    public async Task LogShowsWhoWhatWhenAndWhereFiltersPagesAndExportsExactlyTheFilteredEntries()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var admin = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Email == Fabrikam.AdminEmail));
        var workspace = await App.WorkspaceAsync(Fabrikam.TenantId);
        var at = new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero);
        await App.InWorkspaceAsync(Fabrikam.TenantId, db =>
        {
            for (var i = 0; i < 60; i++)
            {
                db.AuditEntries.Add(AuditEntry.Record(
                    workspace.Id, new AuditActor(admin.Id, "198.51.100.4"), at.AddMinutes(i), "person.role.changed", $"Person {i:00}", "Member", "Manager"));
            }

            db.AuditEntries.Add(AuditEntry.Record(workspace.Id, AuditActor.WorkSights, at.AddDays(-3), AccountAuditActions.DataPurged, "Data retention", null, "Removed 3 activities"));
            return Task.FromResult(true);
        });

        var first = await ReadAsync(owner, "/Settings/Audit");
        Assert.Contains("64 entries", first, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 2", first, StringComparison.Ordinal);
        Assert.Contains(admin.DisplayName, first, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", first, StringComparison.Ordinal);
        Assert.Contains("Microsoft 365 consent granted", first, StringComparison.Ordinal);
        var past = await ReadAsync(owner, "/Settings/Audit?page=999");
        Assert.Contains("There is no page 999; showing page 2, the last.", WebUtility.HtmlDecode(past), StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", past, StringComparison.Ordinal);

        // The admin's time zone comes from the workspace's (UTC until Account Setup): 23:30 UTC on 2 March is that day.
        var filter = $"?action=person.role.changed&person={admin.Id}&from=2026-03-02&to=2026-03-02";
        var filtered = await ReadAsync(owner, "/Settings/Audit" + filter);
        Assert.Contains("30 entries", filtered, StringComparison.Ordinal);
        Assert.Contains("2026-03-02 23:59:00", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-03-03 00:00:00", filtered, StringComparison.Ordinal);
        Assert.Contains("198.51.100.4", filtered, StringComparison.Ordinal);

        var csv = await owner.Browser.GetAsync(owner.At("/Settings/Audit" + filter + "&handler=csv"));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("When,Who,What,Subject,Before,After,From address", lines[0]);
        Assert.Equal(31, lines.Count);
        Assert.Equal($"2026-03-02 23:59:00,{admin.DisplayName},Role changed,Person 29,Member,Manager,198.51.100.4", lines[1]);
        Assert.Equal(
            Enumerable.Range(0, 30).Select(i => $"Person {i:00}").Order(StringComparer.Ordinal),
            lines.Skip(1).Select(l => l.Split(',')[3]).Order(StringComparer.Ordinal));

        var byWorkSights = await ReadAsync(owner, "/Settings/Audit?action=" + AccountAuditActions.DataPurged);
        Assert.Contains("1 entry", byWorkSights, StringComparison.Ordinal);
        Assert.Contains("<td>WorkSights<span class=\"audit-detail\">from no address: WorkSights itself</span></td>", byWorkSights, StringComparison.Ordinal);

        var nonsense = await ReadAsync(owner, "/Settings/Audit?from=yesterday&person=nobody&page=-1");
        Assert.Contains("The first day in the address is not a date like 2026-03-31; it is left out.", WebUtility.HtmlDecode(nonsense), StringComparison.Ordinal);
        Assert.Contains("64 entries", nonsense, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PersonRole.TechnicalAdmin, true)]
    [InlineData(PersonRole.Executive, false)]
    [InlineData(PersonRole.Manager, false)]
    [InlineData(PersonRole.Member, false)]
    public async Task LogIsOpenToOwnersAndTechnicalAdminsOnly(PersonRole role, bool allowed)
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var viewer = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, role);

        var page = await viewer.Browser.GetAsync(viewer.At("/Settings/Audit"));
        var csv = await viewer.Browser.GetAsync(viewer.At("/Settings/Audit?handler=csv"));

        Assert.Equal(allowed, page.StatusCode == HttpStatusCode.OK);
        Assert.Equal(allowed, csv.StatusCode == HttpStatusCode.OK);
        Assert.Equal(!allowed, AccountViewTests.IsForbidden(page));
        Assert.Equal(!allowed, AccountViewTests.IsForbidden(csv));
    }

    [Fact]
    public async Task NoRequestChangesOrRemovesAnEntry()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var before = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        var html = await ReadAsync(owner, "/Settings/Audit");

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            var response = await owner.Browser.SendAsync(method, owner.At($"/Settings/Audit?handler=delete&id={before[0].Id}"), new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = AntiforgeryToken(html),
                ["id"] = before[0].Id.ToString(),
                ["After"] = "tampered",
            });
            Assert.True((int)response.StatusCode is 400 or 405, $"{method} answered {(int)response.StatusCode}");
        }

        var after = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(before.Select(e => (e.Id, e.After, e.At)), after.Select(e => (e.Id, e.After, e.At)));
    }

    private static string AntiforgeryToken(string html)
    {
        var marker = "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        return start < 0 ? string.Empty : html[(start + marker.Length)..].Split('"')[0];
    }

    private static async Task<string> ReadAsync(SignUpJourney browser, string path)
    {
        var response = await browser.Browser.GetAsync(browser.At(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
