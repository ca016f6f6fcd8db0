using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.ApiKeys;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;
using WorkSights.Web.FunctionalTests.Security;

namespace WorkSights.Web.FunctionalTests.Integrations;

/// <summary>
/// What an API key reaches (PRODUCT.md, Integrator: read-only, one workspace): the reads of its scopes and nothing else —
/// no write, no page, nothing of another workspace — and its tokens end with the key or the workspace.
/// </summary>
public sealed class IntegratorAccessTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;
    private static readonly SandboxTenantInfo Contoso = SandboxTenants.Contoso;

    [Fact]
    public async Task TokenReadsWithinItsScopesAndIsForbiddenOutsideThemAndOnEveryWrite()
    {
        await NewBrowser().SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var person = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().FirstAsync(p => p.Email != Fabrikam.AdminEmail));
        using var directory = await Integrator.IssueAsync(App, Fabrikam.TenantId, [ApiScopes.DirectoryRead]);
        using var workspaceOnly = await Integrator.IssueAsync(App, Fabrikam.TenantId, []);
        var token = await directory.TokenAsync();
        var narrow = await workspaceOnly.TokenAsync();
        var update = new { position = "Chief", team = "Board", managerEmail = (string?)null, role = "Owner", hasLoginAccess = true, isActive = true };

        Assert.Equal(HttpStatusCode.OK, (await directory.GetAsync("/api/v1/workspace", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await directory.GetAsync("/api/v1/people?pageSize=5", token)).StatusCode);
        var one = await directory.GetAsync($"/api/v1/people/{person.Id}", token);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal("no-store", one.Headers.CacheControl?.ToString());
        Assert.Contains(person.Email, await one.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await workspaceOnly.GetAsync("/api/v1/workspace", narrow)).StatusCode);

        var refused = new[]
        {
            ("reports without reports.read", await directory.GetAsync("/api/v1/reports/scores", token)),
            ("people without directory.read", await workspaceOnly.GetAsync("/api/v1/people", narrow)),
            ("a person without directory.read", await workspaceOnly.GetAsync($"/api/v1/people/{person.Id}", narrow)),
            ("PUT a person", await directory.SendAsync(HttpMethod.Put, $"/api/v1/people/{person.Id}", token, JsonContent.Create(update))),
            ("POST changes", await directory.SendAsync(HttpMethod.Post, "/api/v1/people/changes", token, JsonContent.Create(new { personIds = new[] { person.Id }, kind = "Role", role = "Owner" }))),
        };
        foreach (var (what, response) in refused)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var after = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.NotEqual("Chief", after.JobTitle);
        Assert.NotEqual(PersonRole.Owner, after.Role);
    }

    [Fact]
    public async Task EveryRouteOfTheAppAnswersAnAllScopesTokenWithItsReadsOnlyAndNoPageSignsItIn()
    {
        await NewBrowser().SignUpAndConsentAsync(Fabrikam.AdminEmail);
        using var integrator = await Integrator.IssueAsync(App, Fabrikam.TenantId, [ApiScopes.DirectoryRead, ApiScopes.ReportsRead]);
        var token = await integrator.TokenAsync();
        var reads = new HashSet<string>(StringComparer.Ordinal)
        {
            "GET /api/v1/workspace", "GET /api/v1/workspaces/{id:guid}", "GET /api/v1/people/", "GET /api/v1/people/{id:guid}", "GET /api/v1/reports/scores",
        };
        var failures = new List<string>();
        foreach (var route in await AppRoute.DiscoverAsync(App))
        {
            if (route.Name is "POST /api/v1/token" or "GET /health" || route.Template.StartsWith("/Activities/Stream/events", StringComparison.Ordinal))
            {
                continue;
            }

            var path = route.PathWith(name => name switch { "id" => Guid.NewGuid().ToString(), "code" => "404", "person" => null, _ => "x" });
            using var response = await integrator.SendAsync(
                new HttpMethod(route.Method), path, token, route.Method == "GET" ? null : route.Template.StartsWith("/api/", StringComparison.Ordinal) ? JsonContent.Create(new { }) : new FormUrlEncodedContent([]));
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString ?? string.Empty;
            var ok = route.Template.StartsWith("/api/", StringComparison.Ordinal)
                ? (reads.Contains(route.Name) ? status is 200 or 404 : status == 403)
                : (status is 302 && location.Contains("/Login", StringComparison.Ordinal)) || route.Name is "GET /" or "GET /Login" or "GET /SignUp" or "GET /Logout" or "POST /Logout" or "GET /Error/{code:int:range(400,599)}" or "POST /Login?handler=Microsoft" or "POST /SignUp?handler=Microsoft";
            if (!ok)
            {
                failures.Add($"{route.Name}: {status} {location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task TokenOnAPageIsNoSignInAndATokenInTheAddressIsRefused()
    {
        await NewBrowser().SignUpAndConsentAsync(Fabrikam.AdminEmail);
        using var integrator = await Integrator.IssueAsync(App, Fabrikam.TenantId, [ApiScopes.DirectoryRead, ApiScopes.ReportsRead]);
        var token = await integrator.TokenAsync();

        foreach (var page in new[] { "/Dashboard", "/Settings/Account", "/Settings/Users", "/Reports/ScoreReport", "/Settings/ApiKeys" })
        {
            using var response = await integrator.GetAsync(page, token);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Login", StringComparison.Ordinal), $"{page}: {(int)response.StatusCode}");
        }

        foreach (var address in new[] { $"/api/v1/people?access_token={token}", $"/api/v1/workspace?api_key={integrator.Secret}", $"/api/v1/workspace?access_token={token}" })
        {
            using var withoutHeader = await integrator.GetAsync(address, null);
            using var withHeaderToo = await integrator.GetAsync(address, token);
            Assert.Equal(HttpStatusCode.Unauthorized, withoutHeader.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, withHeaderToo.StatusCode);
            Assert.Equal("application/problem+json", withHeaderToo.Content.Headers.ContentType?.MediaType);
        }

        using var tampered = await integrator.GetAsync("/api/v1/workspace", token[..^4] + "AAAA");
        using var none = await integrator.GetAsync("/api/v1/workspace", null);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Contains("invalid_token", tampered.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    [Fact]
    public async Task AnotherWorkspacesKeyFindsNoneOfItsIds()
    {
        await NewBrowser().SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await NewBrowser().SignUpAndConsentAsync(Contoso.AdminEmail);
        var fabrikamPerson = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().FirstAsync());
        var fabrikam = await App.WorkspaceAsync(Fabrikam.TenantId);
        using var contoso = await Integrator.IssueAsync(App, Contoso.TenantId, [ApiScopes.DirectoryRead, ApiScopes.ReportsRead]);
        var token = await contoso.TokenAsync();

        using var person = await contoso.GetAsync($"/api/v1/people/{fabrikamPerson.Id}", token);
        using var workspace = await contoso.GetAsync($"/api/v1/workspaces/{fabrikam.Id}", token);
        using var people = await contoso.GetAsync("/api/v1/people?pageSize=500", token);
        using var own = await contoso.GetAsync("/api/v1/workspace", token);

        Assert.Equal(HttpStatusCode.NotFound, person.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, workspace.StatusCode);
        Assert.Equal("application/problem+json", person.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(fabrikamPerson.Id.ToString(), await people.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(fabrikam.Id.ToString(), await own.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TokensStopWorkingOnTheNextRequestOnceTheKeyIsRevokedOrTheWorkspaceDeleted()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        using var revoked = await Integrator.IssueAsync(App, Fabrikam.TenantId, [ApiScopes.DirectoryRead]);
        using var kept = await Integrator.IssueAsync(App, Fabrikam.TenantId, [ApiScopes.DirectoryRead]);
        var revokedToken = await revoked.TokenAsync();
        var keptToken = await kept.TokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await revoked.GetAsync("/api/v1/people", revokedToken)).StatusCode);

        await App.InWorkspaceAsync(Fabrikam.TenantId, async db => (await db.ApiKeys.SingleAsync(k => k.ClientId == revoked.ClientId)).Revoke(DateTimeOffset.UtcNow, null));

        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/v1/people", revokedToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync("/api/v1/people", keptToken)).StatusCode);

        var workspace = await App.WorkspaceAsync(Fabrikam.TenantId);
        var account = await (await owner.Browser.GetAsync(owner.At("/Settings/Account"))).Content.ReadAsStringAsync();
        await owner.Browser.SubmitFormAsync(account, owner.At("/Settings/Account"), "delete-workspace-form", new Dictionary<string, string> { ["confirmationName"] = workspace.Name });

        using var afterDeletion = await kept.GetAsync("/api/v1/workspace", keptToken);
        using var newToken = await kept.RequestTokenAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, afterDeletion.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, newToken.StatusCode);
    }

    [Fact]
    public async Task ScoresReadThroughAKeyAreEveryonesUnderPrivacyModesPseudonymsWithoutIdsOrNames()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var day = ReportingSeed.LastWorkDay();
        await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, day);
        var member = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Email == Fabrikam.MemberEmail));
        var ownerPerson = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Email == Fabrikam.AdminEmail));
        using var integrator = await Integrator.IssueAsync(App, Fabrikam.TenantId, [ApiScopes.ReportsRead]);
        var token = await integrator.TokenAsync();
        var date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var path = $"/api/v1/reports/scores?day={date}&from={date}&to={date}&pageSize=500";

        using var named = await integrator.GetAsync(path, token);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        var plain = await named.Content.ReadAsStringAsync();
        Assert.Contains(member.DisplayName, plain, StringComparison.Ordinal);
        Assert.Contains(member.Id.ToString(), plain, StringComparison.OrdinalIgnoreCase);

        var account = await (await owner.Browser.GetAsync(owner.At("/Settings/Account"))).Content.ReadAsStringAsync();
        await owner.Browser.SubmitFormAsync(account, owner.At("/Settings/Account"), "privacy-form", new Dictionary<string, string> { ["Privacy.On"] = "true", ["Privacy.MinimumGroupSize"] = "5" });
        Assert.True(await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.Tenants.Select(t => t.PrivacyModeOn).SingleAsync()), "privacy mode is on");

        using var pseudonymous = await integrator.GetAsync(path, token);
        var text = await pseudonymous.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, pseudonymous.StatusCode);
        foreach (var person in new[] { member, ownerPerson })
        {
            Assert.DoesNotContain(person.DisplayName, text, StringComparison.Ordinal);
            Assert.DoesNotContain(person.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(person.Email, text, StringComparison.OrdinalIgnoreCase);
        }

        using var json = JsonDocument.Parse(text);
        var rows = json.RootElement.GetProperty("people").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("personId").ValueKind));

        foreach (var email in new[] { Fabrikam.MemberEmail, Fabrikam.AdminEmail })
        {
            await App.ChangePersonAsync(Fabrikam.TenantId, email, p => p.ApplyDirectoryProfile(new DirectoryProfile(p.Email, p.DisplayName, "Two of us", p.JobTitle, p.ManagerExternalId), DateTimeOffset.UtcNow));
        }

        using var smallTeam = await integrator.GetAsync(path + "&team=" + Uri.EscapeDataString("Two of us"), token);
        Assert.Equal(HttpStatusCode.Forbidden, smallTeam.StatusCode);
        using var problem = JsonDocument.Parse(await smallTeam.Content.ReadAsStringAsync());
        Assert.StartsWith("This selection has 2 people", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}
