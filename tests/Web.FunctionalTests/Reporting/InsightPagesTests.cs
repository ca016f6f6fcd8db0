using System.Net;
using System.Text.RegularExpressions;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Reporting;

/// <summary>Score Report (with its CSV), Executive Overview and the observer thresholds, over person-days the real engine scored.</summary>
public sealed partial class InsightPagesTests : FunctionalTest
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
    private static readonly string Tenant = SandboxTenants.Fabrikam.TenantId;

    [Fact]
    public async Task CsvExportHoldsExactlyTheRowsThePageShowsGivenFilterSortAndDay()
    {
        var owner = await SignedUpOwnerAsync();
        var day = ReportingSeed.LastWorkDay().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var query = $"?date={day}&sort=score&dir=desc&from={day}&to={day}";

        var page = await owner.Browser.GetAsync(owner.At("/Reports/ScoreReport" + query));
        var html = await page.Content.ReadAsStringAsync();
        var csvResponse = await owner.Browser.GetAsync(owner.At("/Reports/ScoreReport" + query + "&handler=csv"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"score-report-{day}.csv", csvResponse.Content.Headers.ContentDisposition?.FileNameStar ?? csvResponse.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var pageRows = TableRows(html);
        var csvRows = ReadCsv(await csvResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Name", "Role", "Team", "Score", "Band", "Hours", "Summary"], csvRows[0]);
        Assert.True(pageRows.Count >= 10, $"the page lists {pageRows.Count} people");
        Assert.Equal(pageRows.Count, csvRows.Count - 1);
        for (var i = 0; i < pageRows.Count; i++)
        {
            Assert.Equal(pageRows[i].Select(Escaped), csvRows[i + 1]);
        }

        var scores = pageRows.Select(r => int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Contains(csvRows, r => r[6] == "'" + Formula);
    }

    [Fact]
    public async Task RoleFilterIsOfferedAndKeepsTheRowsAndTheCsvToThatRole()
    {
        var owner = await SignedUpOwnerAsync();
        var day = ReportingSeed.LastWorkDay().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var html = await (await owner.Browser.GetAsync(owner.At($"/Reports/ScoreReport?date={day}"))).Content.ReadAsStringAsync();
        var everyone = TableRows(html);
        var role = everyone.Select(r => r[1]).First(t => t.Length > 0);
        var address = $"/Reports/ScoreReport?date={day}&role={Uri.EscapeDataString(role)}";

        var page = await (await owner.Browser.GetAsync(owner.At(address))).Content.ReadAsStringAsync();
        var filtered = TableRows(page);
        var csv = ReadCsv(await (await owner.Browser.GetAsync(owner.At(address + "&handler=csv"))).Content.ReadAsByteArrayAsync());
        var nobody = TableRows(await (await owner.Browser.GetAsync(owner.At($"/Reports/ScoreReport?date={day}&role=Astronaut"))).Content.ReadAsStringAsync());

        Assert.Contains("<select name=\"role\">", page, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{WebUtility.HtmlEncode(role)}\" selected=\"selected\">", page, StringComparison.Ordinal);
        Assert.NotEmpty(filtered);
        Assert.True(filtered.Count < everyone.Count);
        Assert.All(filtered, r => Assert.Equal(role, r[1]));
        Assert.Equal(everyone.Count(r => r[1] == role), filtered.Count);
        Assert.Equal(filtered.Select(r => r[0]), csv.Skip(1).Select(r => r[0]));
        Assert.Empty(nobody);
        Assert.Matches($"<a href=\"/Activities/Detail/[0-9a-f-]{{36}}\\?date={day}\">", page);
    }

    [Fact]
    public async Task RoleCarriedToAPageWithoutItsSelectShowsAsAChipAndStillNarrowsThePeople()
    {
        var owner = await SignedUpOwnerAsync();
        var people = await App.InWorkspaceAsync(Tenant, db => db.People.Select(p => new { p.Id, p.JobTitle }).ToListAsync());
        var role = people.First(p => p.JobTitle is not null).JobTitle!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var dashboard = await (await owner.Browser.GetAsync(owner.At($"/Dashboard?date={today}&role={Uri.EscapeDataString(role)}"))).Content.ReadAsStringAsync();

        Assert.Contains($"Role: {role}", WebUtility.HtmlDecode(dashboard), StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"role\" value=\"{WebUtility.HtmlEncode(role)}\" />", dashboard, StringComparison.Ordinal);
        Assert.Equal(people.Where(p => p.JobTitle == role).Select(p => p.Id).ToHashSet(), ReportingMarkup.PersonRowIds(dashboard));
    }

    [Fact]
    public async Task CsvExportKeepsTheTeamFilter()
    {
        var owner = await SignedUpOwnerAsync();
        var day = ReportingSeed.LastWorkDay().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var html = await (await owner.Browser.GetAsync(owner.At($"/Reports/ScoreReport?date={day}"))).Content.ReadAsStringAsync();
        var team = TableRows(html).Select(r => r[2]).First(t => t.Length > 0);

        var filtered = TableRows(await (await owner.Browser.GetAsync(owner.At($"/Reports/ScoreReport?date={day}&team={Uri.EscapeDataString(team)}"))).Content.ReadAsStringAsync());
        var csv = ReadCsv(await (await owner.Browser.GetAsync(owner.At($"/Reports/ScoreReport?date={day}&team={Uri.EscapeDataString(team)}&handler=csv"))).Content.ReadAsByteArrayAsync());

        Assert.All(filtered, r => Assert.Equal(team, r[2]));
        Assert.Equal(filtered.Select(r => r[0]), csv.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task ScoreReportExplainsBadAddressValuesInsteadOfFailing()
    {
        var owner = await SignedUpOwnerAsync();

        var page = await owner.Browser.GetAsync(owner.At("/Reports/ScoreReport?date=yesterday&sort=salary&manager=x&from=2026-13-01"));
        var html = await page.Content.ReadAsStringAsync();
        var pastTheEnd = await owner.Browser.GetAsync(owner.At("/Reports/ScoreReport?page=999"));
        var notANumber = await owner.Browser.GetAsync(owner.At("/Reports/ScoreReport?page=two"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("cannot be sorted by that", html, StringComparison.Ordinal);
        Assert.Contains("is not a date like", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, pastTheEnd.StatusCode);
        Assert.Contains("There is no page 999; showing page 1, the last.", await pastTheEnd.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("is not a whole number from 1", await notANumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecutiveOverviewShowsAveragesHeatmapFindingsAndServiceGivenOwner()
    {
        var owner = await SignedUpOwnerAsync();

        var page = await owner.Browser.GetAsync(owner.At("/Overviews/Executive"));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"fortnight\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"heatmap\"", html, StringComparison.Ordinal);
        Assert.Contains("Overloaded (score above 130)", html, StringComparison.Ordinal);
        Assert.Contains("Very light activity (score 30 or less)", html, StringComparison.Ordinal);
        Assert.Contains("id=\"service-status\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyOverviewShowsTheObserversFindingsAboutTheSignedInPerson()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        await App.SeedScoresAsync(Tenant, hoursOf: email => email == SandboxTenants.Fabrikam.AdminEmail ? 9.6 : 1);

        var page = await owner.Browser.GetAsync(owner.At("/Overviews/My"));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var findings = html[html.IndexOf("id=\"findings\"", StringComparison.Ordinal)..];
        Assert.Contains("Sustained overload", findings, StringComparison.Ordinal);
        Assert.DoesNotContain("Very light activity", findings, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PersonRole.Manager, "/Reports/ScoreReport")]
    [InlineData(PersonRole.Member, "/Reports/ScoreReport")]
    [InlineData(PersonRole.TechnicalAdmin, "/Reports/ScoreReport")]
    [InlineData(PersonRole.Manager, "/Overviews/Executive")]
    [InlineData(PersonRole.Member, "/Overviews/Executive")]
    [InlineData(PersonRole.TechnicalAdmin, "/Overviews/Executive")]
    public async Task PageIsForbiddenGivenRoleOutsideExecutiveAndOwner(PersonRole role, string path)
    {
        await SignedUpOwnerAsync();
        await App.ChangePersonAsync(Tenant, SandboxTenants.Fabrikam.AdminEmail, p => p.AssignRole(role));
        var viewer = NewBrowser();
        await viewer.LogInAsync(SandboxTenants.Fabrikam.AdminEmail);

        var response = await viewer.Browser.GetAsync(viewer.At(path));
        var csv = await viewer.Browser.GetAsync(viewer.At(path + "?handler=csv"));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, csv.StatusCode);
        Assert.DoesNotContain("score-table", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecutiveSeesScoreReportAndExecutiveOverview()
    {
        await SignedUpOwnerAsync();
        await App.ChangePersonAsync(Tenant, SandboxTenants.Fabrikam.AdminEmail, p => p.AssignRole(PersonRole.Executive));
        var executive = NewBrowser();
        await executive.LogInAsync(SandboxTenants.Fabrikam.AdminEmail);

        Assert.Equal(HttpStatusCode.OK, (await executive.Browser.GetAsync(executive.At("/Reports/ScoreReport"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await executive.Browser.GetAsync(executive.At("/Overviews/Executive"))).StatusCode);
    }

    [Fact]
    public async Task OwnerChangesObserverThresholdsAndBadValuesAreExplained()
    {
        var owner = await SignedUpOwnerAsync();
        var account = owner.At("/Settings/Account");
        var html = await (await owner.Browser.GetAsync(account)).Content.ReadAsStringAsync();
        Assert.Contains("value=\"3\"", html, StringComparison.Ordinal);

        var (outOfRange, _) = await owner.Browser.SubmitFormAsync(html, account, "thresholds-form", Thresholds(("OverloadDays", "1")));
        Assert.Contains("Overload days in a row must be between 2 and 20.", await outOfRange.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (notANumber, _) = await owner.Browser.SubmitFormAsync(html, account, "thresholds-form", Thresholds(("FocusMinutes", "lots")));
        Assert.Contains("Enter a whole number.", await notANumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (saved, _) = await owner.Browser.SubmitFormAsync(html, account, "thresholds-form", Thresholds(("OverloadDays", "20")));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var savedHtml = await saved.Content.ReadAsStringAsync();
        Assert.Contains("Saved. The observers use the new thresholds", savedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"20\"", savedHtml, StringComparison.Ordinal);

        var overview = await (await owner.Browser.GetAsync(owner.At("/Overviews/Executive"))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Overloaded (score above 130)", overview, StringComparison.Ordinal);
        await owner.Browser.SubmitFormAsync(html, account, "thresholds-form", Thresholds(("OverloadDays", "20")));
        var audited = await App.InWorkspaceAsync(Tenant, db => db.AuditEntries.Where(e => e.Action == "observers.thresholds.changed").Select(e => new { e.Before, e.After }).ToListAsync());
        var entry = Assert.Single(audited);
        Assert.StartsWith("overload 3 days, very light 3 days", entry.Before, StringComparison.Ordinal);
        Assert.StartsWith("overload 20 days, very light 3 days", entry.After, StringComparison.Ordinal);
    }

    /// <summary>The thresholds form's fields as a person fills them: the defaults, with some changed.</summary>
    private static Dictionary<string, string> Thresholds(params (string Name, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["Thresholds.OverloadDays"] = "3",
            ["Thresholds.VeryLightDays"] = "3",
            ["Thresholds.AfterHoursWeeks"] = "3",
            ["Thresholds.MeetingSharePercent"] = "60",
            ["Thresholds.FocusMinutes"] = "60",
            ["Thresholds.NoFocusDays"] = "5",
        };
        foreach (var (name, value) in changes)
        {
            values["Thresholds." + name] = value;
        }

        return values;
    }

    private static string Escaped(string cell) => cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal) ? "'" + cell : cell;

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Current.ToArray());
        }

        return rows;
    }

    private static List<string[]> TableRows(string html) =>
        RowPattern().Matches(html)
            .Select(row => CellPattern().Matches(row.Groups[1].Value)
                .Select(cell => WebUtility.HtmlDecode(Whitespace().Replace(TagPattern().Replace(cell.Groups[1].Value, string.Empty), " ").Trim()))
                .ToArray())
            .ToList();

    private async Task<SignUpJourney> SignedUpOwnerAsync()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        string? target = null;
        await App.SeedScoresAsync(Tenant, summaryOf: email =>
        {
            target ??= email;
            return email == target ? Formula : null;
        });
        return owner;
    }

    [GeneratedRegex("<tr data-person=\"[^\"]*\">(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
