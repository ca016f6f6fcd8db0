using System.Net;
using WorkSights.Sandbox;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>SECURITY.md T1–T3 and ASVS 8.2.2: another workspace's ids answer 404, whatever the route.</summary>
public sealed class TenantIsolationTests : FunctionalTest
{
    [Fact]
    public async Task PeopleOfOneWorkspaceGetNotFoundForAnotherWorkspacesWorkspaceUsersAndPages()
    {
        var contoso = NewBrowser();
        await contoso.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        var fabrikam = NewBrowser();
        await fabrikam.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);

        var fabrikamWorkspace = await ReadJsonAsync<WorkspaceResponse>(await fabrikam.Browser.GetAsync(fabrikam.At("/api/v1/workspace")));
        var fabrikamPerson = (await ReadJsonAsync<PeoplePage>(await fabrikam.Browser.GetAsync(fabrikam.At("/api/v1/people")))).Items[0];
        var contosoWorkspace = await ReadJsonAsync<WorkspaceResponse>(await contoso.Browser.GetAsync(contoso.At("/api/v1/workspace")));
        var contosoPerson = (await ReadJsonAsync<PeoplePage>(await contoso.Browser.GetAsync(contoso.At("/api/v1/people")))).Items[0];

        foreach (var path in new[]
        {
            $"/api/v1/workspaces/{fabrikamWorkspace.Id}",
            $"/api/v1/people/{fabrikamPerson.Id}",
            $"/Settings/Users/{fabrikamPerson.Id}",
        })
        {
            var response = await contoso.Browser.GetAsync(contoso.At(path));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.OK, (await contoso.Browser.GetAsync(contoso.At($"/api/v1/workspaces/{contosoWorkspace.Id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await contoso.Browser.GetAsync(contoso.At($"/api/v1/people/{contosoPerson.Id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await contoso.Browser.GetAsync(contoso.At($"/Settings/Users/{contosoPerson.Id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fabrikam.Browser.GetAsync(fabrikam.At($"/api/v1/people/{contosoPerson.Id}"))).StatusCode);

        var contosoPeople = await ReadJsonAsync<PeoplePage>(await contoso.Browser.GetAsync(contoso.At("/api/v1/people?pageSize=200")));
        Assert.All(contosoPeople.Items, p => Assert.Matches(@"@contoso(-labs)?\.com$", p.Email));
        Assert.DoesNotContain(contosoPeople.Items, p => p.Email.EndsWith("fabrikam.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotFoundAnswersInTheApiAreProblemDetails()
    {
        var contoso = NewBrowser();
        await contoso.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);

        var response = await contoso.Browser.GetAsync(contoso.At($"/api/v1/people/{Guid.NewGuid()}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":404", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }
}
