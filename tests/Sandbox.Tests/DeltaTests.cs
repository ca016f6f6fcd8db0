using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace WorkSights.Sandbox.Tests;

public sealed class DeltaTests(SandboxFixture fixture) : SandboxTestBase(fixture)
{
    private static readonly string Tenant = SandboxTenants.Northwind.TenantId;

    private async Task<JsonElement> GetAsync(string url, string token, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var json = await Json(response);
        Assert.True(expected == response.StatusCode, json.ToString());
        return json;
    }

    /// <summary>Follows nextLinks until the deltaLink; returns every item and the deltaLink.</summary>
    private async Task<(List<JsonElement> Items, string DeltaLink, int Pages)> CycleAsync(string url, string token)
    {
        var items = new List<JsonElement>();
        var pages = 0;
        while (true)
        {
            var json = await GetAsync(url, token);
            pages++;
            items.AddRange(json.GetProperty("value").EnumerateArray());
            if (json.TryGetProperty("@odata.deltaLink", out var delta))
            {
                Assert.False(json.TryGetProperty("@odata.nextLink", out _));
                return (items, delta.GetString()!, pages);
            }

            url = json.GetProperty("@odata.nextLink").GetString()!;
            Assert.Contains("$skiptoken=", url, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Initial_cycle_then_joiner_leaver_update_in_the_next_round()
    {
        var contosoToken = await ConsentedTokenAsync(SandboxTenants.Contoso.TenantId);
        var (all, _, pages) = await CycleAsync("v1.0/users/delta?$select=displayName,department,manager", contosoToken);
        Assert.Equal(Server.Directory.GetUsers(SandboxTenants.Contoso.TenantId).Count, all.Count);
        Assert.True(pages > 1);
        Assert.Contains(all, u => u.TryGetProperty("manager@delta", out var m) && m[0].GetProperty("@odata.type").GetString() == "#microsoft.graph.user");

        var token = await ConsentedTokenAsync(Tenant);
        var (initial, deltaLink, _) = await CycleAsync("v1.0/users/delta?$select=displayName,department,manager", token);
        Assert.Equal(20, initial.Count);
        Assert.All(initial, u => Assert.Equal(["displayName", "department", "id"], u.EnumerateObject().Select(p => p.Name).Where(n => n != "manager@delta")));

        var (none, deltaLink2, _) = await CycleAsync(deltaLink, token);
        Assert.Empty(none);

        var users = Server.Directory.GetUsers(Tenant);
        var joiner = Server.Directory.AddUser(Tenant, "Jo Newcomer", "Sales", "Sales Representative", users[0].Id);
        var leaver = users[1];
        Server.Directory.RemoveUser(Tenant, leaver.Id);
        var mover = users[2];
        Server.Directory.UpdateUser(Tenant, mover.Id, department: "Finance");
        var softie = users[3];
        Server.Directory.RemoveUser(Tenant, softie.Id, softDelete: true);

        var (changes, _, _) = await CycleAsync(deltaLink2, token);
        Assert.Equal(4, changes.Count);
        var added = changes.Single(c => c.GetProperty("id").GetString() == joiner.Id);
        Assert.Equal("Jo Newcomer", added.GetProperty("displayName").GetString());
        Assert.Equal(users[0].Id, added.GetProperty("manager@delta")[0].GetProperty("id").GetString());
        Assert.Equal("deleted", changes.Single(c => c.GetProperty("id").GetString() == leaver.Id).GetProperty("@removed").GetProperty("reason").GetString());
        Assert.Equal("changed", changes.Single(c => c.GetProperty("id").GetString() == softie.Id).GetProperty("@removed").GetProperty("reason").GetString());
        var moved = changes.Single(c => c.GetProperty("id").GetString() == mover.Id);
        Assert.Equal("Finance", moved.GetProperty("department").GetString());
        Assert.Equal(["displayName", "department", "id"], moved.EnumerateObject().Select(p => p.Name).Where(n => n != "manager@delta"));
    }

    [Fact]
    public async Task Deltatoken_latest_returns_only_a_delta_link()
    {
        var token = await ConsentedTokenAsync(Tenant);
        var json = await GetAsync("v1.0/users/delta?$deltatoken=latest&$select=displayName", token);
        Assert.Equal(0, json.GetProperty("value").GetArrayLength());
        var link = json.GetProperty("@odata.deltaLink").GetString()!;
        Assert.StartsWith($"{Server.HttpBaseAddress}v1.0/users/delta?$deltatoken=", link, StringComparison.Ordinal);
        var (none, _, _) = await CycleAsync(link, token);
        Assert.Empty(none);

        var user = Server.Directory.GetUsers(Tenant)[5];
        Server.Directory.UpdateUser(Tenant, user.Id, jobTitle: "Promoted");
        var (changes, _, _) = await CycleAsync(link, token);
        var changed = Assert.Single(changes);
        Assert.Equal(["displayName", "id"], changed.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Expired_or_forged_tokens_answer_sync_state_not_found_and_top_is_rejected()
    {
        var token = await ConsentedTokenAsync(Tenant);
        var (_, deltaLink, _) = await CycleAsync("v1.0/users/delta?$select=id", token);
        var tampered = deltaLink[..^3] + (deltaLink.EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA");
        Assert.Equal("syncStateNotFound", (await GetAsync(tampered, token, HttpStatusCode.BadRequest)).GetProperty("error").GetProperty("code").GetString());

        Server.Faults.ExpireAllDeltaTokens();
        var expired = await GetAsync(deltaLink, token, HttpStatusCode.BadRequest);
        Assert.Equal("syncStateNotFound", expired.GetProperty("error").GetProperty("code").GetString());

        Assert.Equal("Request_BadRequest", (await GetAsync("v1.0/users/delta?$top=5", token, HttpStatusCode.BadRequest)).GetProperty("error").GetProperty("code").GetString());
        var fresh = await CycleAsync("v1.0/users/delta?$select=id", token);
        Assert.NotEmpty(fresh.Items);
    }
}
