using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace WorkSights.Sandbox.Tests;

/// <summary>PROTOCOLS.md A4b: who holds which directory role, read app-only through Graph, and the app-only token's
/// <c>roles</c> claim following exactly what was granted.</summary>
public sealed class DirectoryRolesTests(SandboxFixture fixture) : SandboxTestBase(fixture)
{
    private static readonly string Contoso = SandboxTenants.Contoso.TenantId;

    [Fact]
    public async Task ListsTheGlobalAdministratorsRoleWithItsTemplateId()
    {
        var token = await ConsentedTokenAsync(Contoso);
        var admin = UserByMail(Contoso, SandboxTenants.Contoso.AdminEmail);

        using var response = await GetAsync($"v1.0/users/{admin.Id}/transitiveMemberOf/microsoft.graph.directoryRole", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await Json(response);
        Assert.Equal($"{Server.HttpBaseAddress}v1.0/$metadata#directoryRoles", json.GetProperty("@odata.context").GetString());
        var role = Assert.Single(json.GetProperty("value").EnumerateArray());
        Assert.Equal("#microsoft.graph.directoryRole", role.GetProperty("@odata.type").GetString());
        Assert.Equal(SandboxTenants.GlobalAdministratorRoleId, role.GetProperty("roleTemplateId").GetString());
        Assert.Equal("Global Administrator", role.GetProperty("displayName").GetString());
        Assert.NotEqual(SandboxTenants.GlobalAdministratorRoleId, role.GetProperty("id").GetString());
    }

    [Fact]
    public async Task ReturnsNoRolesGivenAnOrdinaryUserAndTheApplicationAdministratorsRoleByUpnGivenTheShortCast()
    {
        var token = await ConsentedTokenAsync(Contoso);
        var member = UserByMail(Contoso, SandboxTenants.Contoso.MemberEmail);
        var appAdmin = Server.Directory.GetUsers(Contoso).Single(u => u.DirectoryRoleIds.Contains(SandboxTenants.ApplicationAdministratorRoleId));

        using var none = await GetAsync($"v1.0/users/{member.Id}/transitiveMemberOf/microsoft.graph.directoryRole", token);
        using var one = await GetAsync($"v1.0/users/{appAdmin.UserPrincipalName}/transitiveMemberOf/graph.directoryRole?$select=roleTemplateId", token);

        Assert.Empty((await Json(none)).GetProperty("value").EnumerateArray());
        var role = Assert.Single((await Json(one)).GetProperty("value").EnumerateArray());
        Assert.Equal(["@odata.type", "id", "roleTemplateId"], role.EnumerateObject().Select(p => p.Name));
        Assert.Equal(SandboxTenants.ApplicationAdministratorRoleId, role.GetProperty("roleTemplateId").GetString());
    }

    [Fact]
    public async Task PagesWithTopAndCountsGivenAPersonWithTwoRoles()
    {
        var fabrikam = SandboxTenants.Fabrikam.TenantId;
        var token = await ConsentedTokenAsync(fabrikam);
        var admin = UserByMail(fabrikam, SandboxTenants.Fabrikam.AdminEmail);

        using var first = await GetAsync($"v1.0/users/{admin.Id}/transitiveMemberOf/microsoft.graph.directoryRole?$select=roleTemplateId&$top=1&$count=true", token);
        var firstJson = await Json(first);
        var next = firstJson.GetProperty("@odata.nextLink").GetString()!;
        using var second = await GetAsync(next, token);
        var secondJson = await Json(second);

        Assert.Equal(2, firstJson.GetProperty("@odata.count").GetInt32());
        Assert.False(secondJson.TryGetProperty("@odata.nextLink", out _));
        var templates = firstJson.GetProperty("value").EnumerateArray().Concat(secondJson.GetProperty("value").EnumerateArray())
            .Select(r => r.GetProperty("roleTemplateId").GetString()).ToHashSet();
        Assert.Equal([SandboxTenants.GlobalAdministratorRoleId, SandboxTenants.ApplicationAdministratorRoleId], templates);
    }

    [Fact]
    public async Task AnswersNotFoundGivenAnUnknownUserAndBadRequestGivenAnUnknownProperty()
    {
        var token = await ConsentedTokenAsync(Contoso);
        var admin = UserByMail(Contoso, SandboxTenants.Contoso.AdminEmail);

        using var unknown = await GetAsync($"v1.0/users/{Guid.NewGuid()}/transitiveMemberOf/microsoft.graph.directoryRole", token);
        using var badSelect = await GetAsync($"v1.0/users/{admin.Id}/transitiveMemberOf/microsoft.graph.directoryRole?$select=mail", token);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Request_ResourceNotFound", (await Json(unknown)).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badSelect.StatusCode);
    }

    [Fact]
    public async Task TokenCarriesExactlyTheGrantedRolesAndGraphRefusesTheDirectoryWithoutThem()
    {
        var app = RegisterNewApp("Partly trusted app");
        Server.Directory.GrantConsent(Contoso, app.ClientId, ["Mail.ReadBasic.All", "CallRecords.Read.All"]);
        var token = await AppTokenAsync(Contoso, app);
        var admin = UserByMail(Contoso, SandboxTenants.Contoso.AdminEmail);

        using var response = await GetAsync($"v1.0/users/{admin.Id}/transitiveMemberOf/microsoft.graph.directoryRole", token);

        var roles = new JsonWebToken(token).Claims.Where(c => c.Type == "roles").Select(c => c.Value).Order();
        Assert.Equal(["CallRecords.Read.All", "Mail.ReadBasic.All"], roles);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Authorization_RequestDenied", (await Json(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ControlGrantsOnlyTheNamedPermissionsAndRefusesOnesNotRequested()
    {
        var app = RegisterNewApp("Controlled app");
        using var client = Client();
        var path = $"sandbox/tenants/{Contoso}/apps/{app.ClientId}/grant";

        using var some = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["permissions"] = "User.Read.All, Directory.Read.All" }));
        using var unknown = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["permissions"] = "Mail.ReadWrite" }));

        Assert.Equal(HttpStatusCode.SeeOther, some.StatusCode);
        Assert.Equal(["Directory.Read.All", "User.Read.All"], Server.Directory.GetConsent(Contoso, app.ClientId).Roles.Order());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    private SandboxUser UserByMail(string tenantId, string mail) =>
        Server.Directory.GetUsers(tenantId).Single(u => string.Equals(u.Mail, mail, StringComparison.OrdinalIgnoreCase));

    private async Task<HttpResponseMessage> GetAsync(string url, string token)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
