using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Users;

/// <summary>/api/v1/people changes: one person or several, under the rules and audit of the pages, with ProblemDetails for bad input.</summary>
public sealed class PeopleApiTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    private static Task<HttpResponseMessage> SendJsonAsync(SignUpJourney browser, HttpMethod method, string path, object body) =>
        browser.Browser.SendAsync(method, browser.At(path), JsonContent.Create(body, options: Json));

    [Fact]
    public async Task AnAdministratorChangesOnePersonAndSeveralAndEachChangeIsAudited()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var people = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().Where(p => p.Email != Fabrikam.AdminEmail).OrderBy(p => p.Email).Take(3).ToListAsync());

        var one = await SendJsonAsync(owner, HttpMethod.Put, $"/api/v1/people/{people[0].Id}", new
        {
            position = "Staff Engineer",
            team = "Platform",
            managerEmail = (string?)null,
            role = "Manager",
            hasLoginAccess = true,
            isActive = true,
        });
        var several = await SendJsonAsync(owner, HttpMethod.Post, "/api/v1/people/changes", new { personIds = new[] { people[1].Id, people[2].Id }, kind = "Team", team = "Platform" });

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var changed = await ReadJsonAsync<PersonResponse>(one);
        Assert.Equal(("Manager", true), (changed.Role, changed.HasLoginAccess));
        Assert.Equal(HttpStatusCode.OK, several.StatusCode);
        using (var answer = JsonDocument.Parse(await several.Content.ReadAsStringAsync()))
        {
            Assert.Equal(2, answer.RootElement.GetProperty("changed").GetInt32());
        }

        var after = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().Where(p => people.Select(x => x.Id).Contains(p.Id)).ToDictionaryAsync(p => p.Id));
        Assert.Equal(("Staff Engineer", "Platform", PersonRole.Manager), (after[people[0].Id].JobTitle, after[people[0].Id].Department, after[people[0].Id].Role));
        Assert.All(people.Skip(1), p => Assert.Equal("Platform", after[p.Id].Department));
        var audited = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.AuditEntries.Where(e => e.Action == "person.team.changed").CountAsync());
        Assert.Equal(3, audited);
    }

    [Fact]
    public async Task BadInputRulesAndOtherRolesGetProblemDetailsAndChangeNothing()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var me = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Email == Fabrikam.AdminEmail));
        var other = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().FirstAsync(p => p.Email != Fabrikam.AdminEmail));
        var executive = await SignInWithRoleAsync(Fabrikam.TenantId, other.Email, PersonRole.Executive);
        var valid = new { position = (string?)null, team = (string?)null, managerEmail = (string?)null, role = "Member", hasLoginAccess = true, isActive = true };

        var lastOwner = await SendJsonAsync(owner, HttpMethod.Put, $"/api/v1/people/{me.Id}", valid);
        var unknownRole = await SendJsonAsync(owner, HttpMethod.Put, $"/api/v1/people/{other.Id}", new { role = "Emperor", hasLoginAccess = true, isActive = true });
        var notJson = await owner.Browser.SendAsync(HttpMethod.Put, owner.At($"/api/v1/people/{other.Id}"), new StringContent("role=Owner"));
        var nobody = await SendJsonAsync(owner, HttpMethod.Put, $"/api/v1/people/{Guid.NewGuid()}", valid);
        var tooMany = await SendJsonAsync(owner, HttpMethod.Post, "/api/v1/people/changes", new { personIds = Enumerable.Range(0, 201).Select(_ => Guid.NewGuid()), kind = "Role", role = "Member" });
        var forbidden = await SendJsonAsync(executive, HttpMethod.Put, $"/api/v1/people/{me.Id}", valid);
        var forbiddenMany = await SendJsonAsync(executive, HttpMethod.Post, "/api/v1/people/changes", new { personIds = new[] { me.Id }, kind = "Role", role = "Member" });
        var signedOut = await SendJsonAsync(NewBrowser(), HttpMethod.Put, $"/api/v1/people/{me.Id}", valid);

        await AssertProblemAsync(lastOwner, HttpStatusCode.BadRequest);
        await AssertProblemAsync(unknownRole, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        await AssertProblemAsync(nobody, HttpStatusCode.NotFound);
        await AssertProblemAsync(tooMany, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenMany.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        var after = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().Where(p => p.Id == me.Id || p.Id == other.Id).ToDictionaryAsync(p => p.Id, p => p.Role));
        Assert.Equal(PersonRole.Owner, after[me.Id]);
        Assert.Equal(PersonRole.Executive, after[other.Id]);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }
}
