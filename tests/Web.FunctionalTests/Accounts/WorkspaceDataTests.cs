using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.Audit;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Accounts;

/// <summary>Account View: an Owner exports the workspace, carries out erasure requests and deletes the workspace.</summary>
public sealed class WorkspaceDataTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    [Fact]
    public async Task OwnerDownloadsTheWorkspaceAsAZipOfCsvFilesWhoseRowsTheAccountPageCountedAndTheExportIsAudited()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, ReportingSeed.LastWorkDay());
        var people = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.CountAsync());

        var account = await ReadAsync(owner, "/Settings/Account");
        Assert.Matches($"<th scope=\"row\">people</th><td>[^<]+</td><td class=\"number\">{people}</td>", account);
        Assert.Matches("<th scope=\"row\">activities</th><td>[^<]+</td><td class=\"number\">3</td>", account);
        Assert.Matches("<th scope=\"row\">person-days</th><td>[^<]+</td><td class=\"number\">1</td>", account);

        var (response, _) = await owner.Browser.SubmitFormAsync(account, owner.At("/Settings/Account"), "export-form", new Dictionary<string, string> { ["format"] = "Csv" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.TransferEncodingChunked, "the zip is streamed, not sized in advance");
        Assert.Contains(".zip", response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var files = await UnzipAsync(response);
        Assert.Equal(new[] { "people.csv", "activities.csv", "person-days.csv", "audit-log.csv" }, files.Keys.ToArray());
        Assert.Equal(people + 1, Lines(files["people.csv"]).Length);
        Assert.Equal(4, Lines(files["activities.csv"]).Length);
        Assert.Contains("Quarterly planning", files["activities.csv"], StringComparison.Ordinal);
        Assert.Equal(2, Lines(files["person-days.csv"]).Length);
        Assert.Contains("workspace.exported", files["audit-log.csv"], StringComparison.Ordinal);
        Assert.DoesNotContain("contoso", string.Concat(files.Values), StringComparison.OrdinalIgnoreCase);
        var audited = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.SingleAsync(e => e.Action == "workspace.exported"));
        Assert.StartsWith($"CSV: {people} people, 3 activities, 1 person-days, ", audited.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonExportHoldsOneObjectPerRowWithTypedValues()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, ReportingSeed.LastWorkDay());

        var (response, _) = await owner.Browser.SubmitFormAsync(await ReadAsync(owner, "/Settings/Account"), owner.At("/Settings/Account"), "export-form", new Dictionary<string, string> { ["format"] = "Json" });

        var files = await UnzipAsync(response);
        Assert.Equal(new[] { "people.json", "activities.json", "person-days.json", "audit-log.json" }, files.Keys.ToArray());
        using var activities = JsonDocument.Parse(files["activities.json"]);
        Assert.Equal(3, activities.RootElement.GetArrayLength());
        var meeting = activities.RootElement.EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "Meeting");
        Assert.Equal(240, meeting.GetProperty("credited_minutes").GetDouble());
        Assert.Equal("Chicago", meeting.GetProperty("city").GetString());
        using var days = JsonDocument.Parse(files["person-days.json"]);
        Assert.Equal(64, days.RootElement[0].GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task AnInvalidFormatIsRefusedWithAMessageAndNothingIsExported()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);

        var (response, url) = await owner.Browser.SubmitFormAsync(await ReadAsync(owner, "/Settings/Account"), owner.At("/Settings/Account"), "export-form", new Dictionary<string, string> { ["format"] = "Xml" });

        Assert.Equal("/Settings/Account", url.AbsolutePath);
        Assert.Contains("Choose CSV or JSON.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.AnyAsync(e => e.Action == "workspace.exported")));
    }

    [Theory]
    [InlineData(PersonRole.TechnicalAdmin)]
    [InlineData(PersonRole.Executive)]
    [InlineData(PersonRole.Member)]
    public async Task OnlyAnOwnerExportsDeletesOrErasesAndOtherRolesChangeNothing(PersonRole role)
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var other = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, role);
        var personal = await ReadAsync(other, "/Settings/Personal");
        var token = Token(personal);
        var admin = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.SingleAsync(p => p.Email == Fabrikam.AdminEmail));

        var account = await other.Browser.GetAsync(other.At("/Settings/Account"));
        var export = await PostAsync(other, "/Settings/WorkspaceData?handler=Export", token, ("format", "Csv"));
        var delete = await PostAsync(other, "/Settings/WorkspaceData?handler=Delete", token, ("confirmationName", "fabrikam.com"));
        var erase = await PostAsync(other, $"/Settings/Users/{admin.Id}?handler=Erase", token, ("confirmed", "yes"));

        Assert.All([account, export, delete, erase], AssertDenied);
        Assert.True(await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AnyAsync(p => p.Id == admin.Id)));
        Assert.False(await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.AnyAsync(e => e.Action == "workspace.exported")));
        Assert.Equal(Fabrikam.PrimaryDomain, (await App.WorkspaceAsync(Fabrikam.TenantId)).PrimaryDomain);
    }

    [Fact]
    public async Task PostsWithoutTheAntiforgeryTokenAreRejectedAndChangeNothing()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var workspace = await App.WorkspaceAsync(Fabrikam.TenantId);
        var member = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.SingleAsync(p => p.Email == Fabrikam.MemberEmail));

        var delete = await owner.Browser.SendAsync(HttpMethod.Post, owner.At("/Settings/WorkspaceData?handler=Delete"), [new("confirmationName", workspace.Name)]);
        var export = await owner.Browser.SendAsync(HttpMethod.Post, owner.At("/Settings/WorkspaceData?handler=Export"), [new("format", "Csv")]);
        var erase = await owner.Browser.SendAsync(HttpMethod.Post, owner.At($"/Settings/Users/{member.Id}?handler=Erase"), [new("confirmed", "yes")]);
        var download = await owner.Browser.SendAsync(HttpMethod.Post, owner.At("/Settings/MyData?handler=Download"), []);
        var request = await owner.Browser.SendAsync(HttpMethod.Post, owner.At("/Settings/MyData?handler=RequestErasure"), []);

        Assert.All([delete, export, erase, download, request], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(workspace.Id, (await App.WorkspaceAsync(Fabrikam.TenantId)).Id);
        Assert.True(await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AnyAsync(p => p.Id == member.Id)));
        Assert.False(await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.ErasureRequests.AnyAsync()));
    }

    [Fact]
    public async Task AnOwnerCannotEraseAPersonOfAnotherWorkspaceWhichStaysUntouched()
    {
        var contoso = NewBrowser();
        await contoso.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        var fabrikam = NewBrowser();
        await fabrikam.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, ReportingSeed.LastWorkDay());
        var foreign = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.SingleAsync(p => p.Email == Fabrikam.MemberEmail));
        var own = await App.InWorkspaceAsync(SandboxTenants.Contoso.TenantId, db => db.People.SingleAsync(p => p.Email == SandboxTenants.Contoso.MemberEmail));
        var ownPage = await ReadAsync(contoso, $"/Settings/Users/{own.Id}?confirm=erase");

        var erase = await PostAsync(contoso, $"/Settings/Users/{foreign.Id}?handler=Erase", Token(ownPage), ("confirmed", "yes"));

        Assert.Equal(HttpStatusCode.NotFound, erase.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contoso.Browser.GetAsync(contoso.At($"/Settings/Users/{foreign.Id}?confirm=erase"))).StatusCode);
        var (stillThere, activities) = await App.InWorkspaceAsync(Fabrikam.TenantId, async db =>
            (await db.People.AnyAsync(p => p.Id == foreign.Id), await db.Activities.CountAsync(a => a.PersonId == foreign.Id)));
        Assert.True(stillThere);
        Assert.Equal(3, activities);
        Assert.False(await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.ErasedIdentities.AnyAsync()));
        Assert.True(await App.InWorkspaceAsync(SandboxTenants.Contoso.TenantId, db => db.People.AnyAsync(p => p.Id == own.Id)));
    }

    /// <summary>Refused: a page's role policy sends the browser to the 403 page, a handler's own check answers 403.</summary>
    private static void AssertDenied(HttpResponseMessage response) =>
        Assert.True(
            response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Error/403", StringComparison.Ordinal)),
            $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode} {response.Headers.Location}");

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static async Task<Dictionary<string, string>> UnzipAsync(HttpResponseMessage response)
    {
        await using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var files = new Dictionary<string, string>();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            files[entry.FullName] = await reader.ReadToEndAsync();
        }

        return files;
    }

    internal static string Token(string html) =>
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);

    internal static Task<HttpResponseMessage> PostAsync(SignUpJourney browser, string path, string token, params (string Name, string Value)[] fields) =>
        browser.Browser.SendAsync(HttpMethod.Post, browser.At(path), fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    internal static async Task<string> ReadAsync(SignUpJourney browser, string path)
    {
        var response = await browser.Browser.GetAsync(browser.At(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
