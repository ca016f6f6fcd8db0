using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace WorkSights.Sandbox.Tests;

public sealed class GraphUsersTests(SandboxFixture fixture) : SandboxTestBase(fixture)
{
    private static readonly string Contoso = SandboxTenants.Contoso.TenantId;

    private async Task<HttpResponseMessage> GetAsync(string url, string? token, bool https = false)
    {
        using var client = Client(https);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.Add("client-request-id", "11111111-2222-3333-4444-555555555555");
        return await client.SendAsync(request);
    }

    private static async Task AssertGraphErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var error = (await Json(response)).GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.True(error.GetProperty("innerError").TryGetProperty("request-id", out _));
        Assert.Equal("11111111-2222-3333-4444-555555555555", error.GetProperty("innerError").GetProperty("client-request-id").GetString());
        Assert.True(response.Headers.Contains("request-id"));
    }

    [Fact]
    public async Task Paging_with_select_and_top_walks_every_user_once()
    {
        var token = await ConsentedTokenAsync(Contoso);
        var seen = new List<string>();
        string? url = "v1.0/users?$select=displayName,department,assignedLicenses&$top=60";
        var pages = 0;
        while (url is not null)
        {
            using var response = await GetAsync(url, token, https: true);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await Json(response);
            Assert.StartsWith($"{Server.HttpsBaseAddress}v1.0/$metadata#users(", json.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
            foreach (var user in json.GetProperty("value").EnumerateArray())
            {
                Assert.Equal(["displayName", "department", "assignedLicenses", "id"], user.EnumerateObject().Select(p => p.Name));
                seen.Add(user.GetProperty("id").GetString()!);
            }

            pages++;
            url = json.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
            if (url is not null)
            {
                Assert.StartsWith($"{Server.HttpsBaseAddress}v1.0/users?", url, StringComparison.Ordinal);
                Assert.Contains("$skiptoken=", url, StringComparison.Ordinal);
            }
        }

        var expected = Server.Directory.GetUsers(Contoso);
        Assert.Equal(expected.Count, seen.Count);
        Assert.Equal(expected.Count, seen.Distinct().Count());
        Assert.Equal((expected.Count + 59) / 60, pages);
    }

    [Fact]
    public async Task Default_properties_without_select_and_manager_expand()
    {
        var token = await ConsentedTokenAsync(Contoso);
        var json = await Json(await GetAsync("v1.0/users?$expand=manager($select=id)&$top=999", token));
        var users = json.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"],
            users[0].EnumerateObject().Select(p => p.Name).Where(n => n != "manager"));
        var withManager = users.Where(u => u.TryGetProperty("manager", out _)).ToList();
        Assert.NotEmpty(withManager);
        Assert.True(withManager.Count < users.Count);
        var manager = withManager[0].GetProperty("manager");
        Assert.Equal("#microsoft.graph.user", manager.GetProperty("@odata.type").GetString());
        Assert.Equal(["@odata.type", "id"], manager.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("v1.0/users?$top=0")]
    [InlineData("v1.0/users?$top=1000")]
    [InlineData("v1.0/users?$top=abc")]
    [InlineData("v1.0/users?$select=displayName,shoeSize")]
    public async Task Bad_queries_answer_400(string url)
    {
        var token = await ConsentedTokenAsync(Contoso);
        await AssertGraphErrorAsync(await GetAsync(url, token), HttpStatusCode.BadRequest, "Request_BadRequest");
    }

    [Fact]
    public async Task Missing_or_invalid_token_answers_401()
    {
        await AssertGraphErrorAsync(await GetAsync("v1.0/users", null), HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
        await AssertGraphErrorAsync(await GetAsync("v1.0/users", "not-a-jwt"), HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
        var token = await ConsentedTokenAsync(Contoso);
        await AssertGraphErrorAsync(await GetAsync("v1.0/users", token[..^4] + "AAAA"), HttpStatusCode.Unauthorized, "InvalidAuthenticationToken");
    }

    [Fact]
    public async Task Token_without_roles_answers_403()
    {
        var app = RegisterNewApp();
        Server.Directory.GrantConsent(Contoso, app.ClientId);
        Server.Directory.RevokeConsent(Contoso, app.ClientId);
        var token = await AppTokenAsync(Contoso, app);
        using var response = await GetAsync("v1.0/users", token);
        await AssertGraphErrorAsync(response, HttpStatusCode.Forbidden, "Authorization_RequestDenied");
    }

    [Fact]
    public async Task Tenant_is_selected_by_the_token()
    {
        Server.Directory.GrantConsent(SandboxTenants.Fabrikam.TenantId, App.ClientId);
        var token = await AppTokenAsync(SandboxTenants.Fabrikam.TenantId);
        var json = await Json(await GetAsync("v1.0/users?$select=mail", token));
        var mails = json.GetProperty("value").EnumerateArray().Select(u => u.GetProperty("mail").GetString()!).ToList();
        Assert.Equal(12, mails.Count);
        Assert.All(mails, m => Assert.EndsWith("@fabrikam.com", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Throttle_fault_answers_429_with_retry_after_then_recovers()
    {
        var token = await ConsentedTokenAsync(Contoso);
        Server.Faults.Throttle(2, 3);
        for (var i = 0; i < 2; i++)
        {
            using var throttled = await GetAsync("v1.0/users?$top=1", token);
            await AssertGraphErrorAsync(throttled, HttpStatusCode.TooManyRequests, "TooManyRequests");
            Assert.Equal(TimeSpan.FromSeconds(3), throttled.Headers.RetryAfter!.Delta);
        }

        using var ok = await GetAsync("v1.0/users?$top=1", token);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Users_have_the_documented_shapes()
    {
        var token = await ConsentedTokenAsync(Contoso);
        var json = await Json(await GetAsync("v1.0/users?$top=999&$select=id,userType,accountEnabled,assignedLicenses,mail,userPrincipalName,department,createdDateTime,usageLocation,mailNickname", token));
        var users = json.GetProperty("value").EnumerateArray().ToList();
        var guests = users.Where(u => u.GetProperty("userType").GetString() == "Guest").ToList();
        Assert.Equal(6, guests.Count);
        Assert.Contains(guests, g => g.GetProperty("userPrincipalName").GetString() == "jane_partner.com#EXT#@contoso.com" && g.GetProperty("mail").GetString() == "jane@partner.com");
        var shared = users.Single(u => u.GetProperty("mail").GetString() == "info@contoso.com");
        Assert.False(shared.GetProperty("accountEnabled").GetBoolean());
        Assert.Equal(0, shared.GetProperty("assignedLicenses").GetArrayLength());
        var svc = users.Single(u => u.GetProperty("mail").GetString() == "svc-backup@contoso.com");
        Assert.Equal(JsonValueKind.Null, svc.GetProperty("department").ValueKind);
        Assert.Equal(0, svc.GetProperty("assignedLicenses").GetArrayLength());
        Assert.True(users.Count(u => u.GetProperty("mail").GetString()!.EndsWith("@contoso-labs.com", StringComparison.Ordinal)) >= 5);
    }
}
