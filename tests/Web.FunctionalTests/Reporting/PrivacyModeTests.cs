using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Accounts;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;
using WorkSights.Domain.Privacy;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Reporting;

/// <summary>Privacy mode (issue 12, item 4) on the reporting pages, Score Report's CSV, the reports API and the workspace export.</summary>
public sealed partial class PrivacyModeTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    private static string Date => ReportingSeed.LastWorkDay().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task PeopleAppearUnderOneStablePseudonymOnPagesCsvApiAndExportGivenPrivacyMode()
    {
        var owner = await OwnerWithPrivacyModeAsync();
        var member = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Email == Fabrikam.MemberEmail));
        var ownerName = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.Where(p => p.Email == Fabrikam.AdminEmail).Select(p => p.DisplayName).SingleAsync());
        var pseudonym = await PseudonymOfAsync(member.Id);

        var dashboard = await ReadAsync(owner, $"/Dashboard?date={Date}");
        var report = await ReadAsync(owner, $"/Reports/ScoreReport?date={Date}&from={Date}&to={Date}");
        var detail = await ReadAsync(owner, $"/Activities/Detail/{member.Id}?date={Date}");
        var csv = await ReadAsync(owner, $"/Reports/ScoreReport?date={Date}&from={Date}&to={Date}&handler=csv");
        var api = await ReadAsync(owner, $"/api/v1/reports/scores?day={Date}&from={Date}&to={Date}&pageSize=500");
        var export = await ExportAsync(owner);

        foreach (var (what, text) in new[] { ("Dashboard", dashboard), ("Score Report", report), ("Activity Detail", detail), ("CSV", csv), ("API", api), ("people.csv", export["people.csv"]) })
        {
            Assert.True(text.Contains(pseudonym, StringComparison.Ordinal), $"{what} names the member {pseudonym}");
            Assert.False(text.Contains(member.DisplayName, StringComparison.Ordinal), $"{what} shows the member's name");
            Assert.False(text.Contains(member.Email, StringComparison.OrdinalIgnoreCase), $"{what} shows the member's e-mail");
        }

        Assert.Contains(ownerName, dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("Quarterly planning", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Quarterly planning", export["activities.csv"], StringComparison.Ordinal);
        Assert.Contains(pseudonym, export["activities.csv"], StringComparison.Ordinal);
        Assert.Contains(pseudonym, export["person-days.csv"], StringComparison.Ordinal);
        Assert.DoesNotContain(member.Id.ToString(), export["activities.csv"], StringComparison.OrdinalIgnoreCase);
        using var json = JsonDocument.Parse(api);
        var row = json.RootElement.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("name").GetString() == pseudonym);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("personId").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("role").ValueKind);
    }

    [Fact]
    public async Task AGroupBelowTheMinimumIsWithheldFromPagesCsvAndApi()
    {
        var owner = await OwnerWithPrivacyModeAsync();
        foreach (var email in new[] { Fabrikam.MemberEmail, Fabrikam.AdminEmail })
        {
            await App.ChangePersonAsync(Fabrikam.TenantId, email, p => p.ApplyDirectoryProfile(new DirectoryProfile(p.Email, p.DisplayName, "Two of us", p.JobTitle, p.ManagerExternalId), DateTimeOffset.UtcNow));
        }

        var team = Uri.EscapeDataString("Two of us");
        foreach (var path in new[]
        {
            $"/Dashboard?date={Date}&team={team}", $"/Reports/ScoreReport?date={Date}&team={team}", $"/Reports/ScoreReport?date={Date}&team={team}&handler=csv",
            $"/Overviews/Executive?team={team}", $"/Activities/Stream?date={Date}&team={team}", $"/Activities/Map?date={Date}&team={team}",
        })
        {
            var response = await owner.Browser.GetAsync(owner.At(path));
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path} answered {(int)response.StatusCode}");
            Assert.Contains("Hidden to protect people", html, StringComparison.Ordinal);
            Assert.Contains("This selection has 2 people; privacy mode shows groups of 5 or more", html, StringComparison.Ordinal);
            Assert.DoesNotContain("score-chip", html, StringComparison.Ordinal);
        }

        var api = await owner.Browser.GetAsync(owner.At($"/api/v1/reports/scores?day={Date}&team={team}"));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.StartsWith("This selection has 2 people", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(problem.RootElement.TryGetProperty("people", out _));
    }

    [Fact]
    public async Task TwoSelectionsDifferingByOnePersonCannotBothBeShown()
    {
        var owner = await OwnerWithPrivacyModeAsync();
        var everyoneButOne = await App.InWorkspaceAsync(Fabrikam.TenantId, async db =>
        {
            var people = await db.People.Where(p => p.Email != Fabrikam.MemberEmail).ToListAsync();
            people.ForEach(p => p.ApplyDirectoryProfile(new DirectoryProfile(p.Email, p.DisplayName, "Almost everyone", p.JobTitle, p.ManagerExternalId), DateTimeOffset.UtcNow));
            return people.Count;
        });
        Assert.True(everyoneButOne >= PrivacyMode.DefaultMinimumGroupSize, "each selection alone is large enough");

        var everyone = await owner.Browser.GetAsync(owner.At($"/Dashboard?date={Date}"));
        var almost = await owner.Browser.GetAsync(owner.At($"/Dashboard?date={Date}&team={Uri.EscapeDataString("Almost everyone")}"));
        var almostCsv = await owner.Browser.GetAsync(owner.At($"/Reports/ScoreReport?date={Date}&team={Uri.EscapeDataString("Almost everyone")}&handler=csv"));
        var everyoneAgain = await owner.Browser.GetAsync(owner.At($"/Reports/ScoreReport?date={Date}"));

        Assert.Equal(HttpStatusCode.OK, everyone.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, almost.StatusCode);
        Assert.Contains("differs from one already shown (everyone) by 1 person", WebUtility.HtmlDecode(await almost.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("href=\"/Dashboard?date=", await almost.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, almostCsv.StatusCode);
        Assert.Equal(HttpStatusCode.OK, everyoneAgain.StatusCode);
    }

    [Fact]
    public async Task PrivacyModeIsSwitchedFromAccountViewWithItsBoundsAndEveryChangeAudited()
    {
        var owner = await OwnerWithPrivacyModeAsync();
        var account = await FormPageAsync(owner);
        Assert.Contains("Privacy mode is on", await ReadAsync(owner, "/Settings/Account?changed=privacy"), StringComparison.Ordinal);

        var (tooSmall, _) = await owner.Browser.SubmitFormAsync(account, owner.At("/Settings/Account"), "privacy-form", Privacy(true, "4"));
        var (forged, _) = await owner.Browser.SubmitFormAsync(account, owner.At("/Settings/Account"), "privacy-form", Privacy("maybe", "5"));
        var (off, _) = await owner.Browser.SubmitFormAsync(account, owner.At("/Settings/Account"), "privacy-form", Privacy(false, "5"));

        Assert.Contains("The smallest group shown has between 5 and 100 people.", await tooSmall.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Choose whether privacy mode is on.", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Privacy mode is off: names are shown.", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var dashboard = await ReadAsync(owner, $"/Dashboard?date={Date}");
        var member = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.Where(p => p.Email == Fabrikam.MemberEmail).Select(p => p.DisplayName).SingleAsync());
        Assert.Contains(member, dashboard, StringComparison.Ordinal);
        Assert.DoesNotMatch(PseudonymPattern(), dashboard);
        var audit = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.Where(e => e.Action == AccountAuditActions.PrivacyModeChanged).OrderBy(e => e.At).Select(e => new { e.Before, e.After, e.FromAddress }).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.Equal(("Off: names shown", "On: pseudonyms, groups of 5 or more"), (audit[0].Before, audit[0].After));
        Assert.Equal(("On: pseudonyms, groups of 5 or more", "Off: names shown"), (audit[1].Before, audit[1].After));
        Assert.NotNull(audit[1].FromAddress);
    }

    private async Task<SignUpJourney> OwnerWithPrivacyModeAsync()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, ReportingSeed.LastWorkDay());
        var account = await FormPageAsync(owner);
        var (saved, _) = await owner.Browser.SubmitFormAsync(account, owner.At("/Settings/Account"), "privacy-form", Privacy(true, "5"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return owner;
    }

    private async Task<string> PseudonymOfAsync(Guid personId)
    {
        var stored = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.Tenants.Select(t => t.ProtectedPseudonymKey).SingleAsync());
        var key = App.Services.GetRequiredService<IPseudonymKeys>().Unprotect(stored!);
        return Pseudonym.Of(key, personId);
    }

    private static async Task<string> ReadAsync(SignUpJourney browser, string path)
    {
        var response = await browser.Browser.GetAsync(browser.At(path));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Account View as sent, for its forms.</summary>
    private static async Task<string> FormPageAsync(SignUpJourney owner) =>
        await (await owner.Browser.GetAsync(owner.At("/Settings/Account"))).Content.ReadAsStringAsync();

    private static async Task<Dictionary<string, string>> ExportAsync(SignUpJourney owner)
    {
        var account = await FormPageAsync(owner);
        var (response, _) = await owner.Browser.SubmitFormAsync(account, owner.At("/Settings/Account"), "export-form", new Dictionary<string, string> { ["format"] = "Csv" });
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var files = new Dictionary<string, string>();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            files[entry.FullName] = await reader.ReadToEndAsync();
        }

        return files;
    }

    private static Dictionary<string, string> Privacy(object on, string size) => new()
    {
        ["Privacy.On"] = on is bool b ? (b ? "true" : "false") : on.ToString()!,
        ["Privacy.MinimumGroupSize"] = size,
    };

    [GeneratedRegex("Person [0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex PseudonymPattern();
}
