using System.Net;

namespace WorkSights.Sandbox.Tests;

public sealed class DiscoveryTests(SandboxFixture fixture) : SandboxTestBase(fixture)
{
    [Theory]
    [InlineData("common", false)]
    [InlineData("organizations", true)]
    public async Task Multi_tenant_discovery_uses_the_issuer_template(string tenant, bool https)
    {
        using var client = Client(https);
        using var response = await client.GetAsync($"{tenant}/v2.0/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Json(response);
        var b = (https ? Server.HttpsBaseAddress : Server.HttpBaseAddress).ToString();
        Assert.Equal($"{b}{{tenantid}}/v2.0", doc.GetProperty("issuer").GetString());
        Assert.Equal($"{b}{tenant}/oauth2/v2.0/authorize", doc.GetProperty("authorization_endpoint").GetString());
        Assert.Equal($"{b}{tenant}/oauth2/v2.0/token", doc.GetProperty("token_endpoint").GetString());
        Assert.Equal($"{b}{tenant}/discovery/v2.0/keys", doc.GetProperty("jwks_uri").GetString());
        Assert.Equal(["client_secret_post", "private_key_jwt", "client_secret_basic"], doc.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["pairwise"], doc.GetProperty("subject_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("form_post", doc.GetProperty("response_modes_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("4f1c2b9e-6a3d-4c58-9e7a-1d2b3c4d5e60")]
    [InlineData("contoso.com")]
    [InlineData("contoso-labs.com")]
    public async Task Tenant_discovery_uses_the_tenant_guid(string tenant)
    {
        using var client = Client();
        var doc = await Json(await client.GetAsync($"{tenant}/v2.0/.well-known/openid-configuration"));
        Assert.Equal($"{Server.HttpBaseAddress}{SandboxTenants.Contoso.TenantId}/v2.0", doc.GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task Unknown_tenant_is_rejected()
    {
        using var client = Client();
        using var response = await client.GetAsync($"{Guid.NewGuid()}/v2.0/.well-known/openid-configuration");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Jwks_publishes_the_signing_key_with_x5c()
    {
        using var client = Client(https: true);
        var doc = await Json(await client.GetAsync("common/discovery/v2.0/keys"));
        var key = Assert.Single(doc.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal(key.GetProperty("kid").GetString(), key.GetProperty("x5t").GetString());
        Assert.NotEmpty(key.GetProperty("x5c")[0].GetString()!);
        Assert.Equal($"{Server.HttpsBaseAddress}{{tenantid}}/v2.0", key.GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task Requests_are_logged()
    {
        Server.RequestLog.Clear();
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "common/discovery/v2.0/keys");
        request.Headers.Authorization = new("Bearer", "x");
        await client.SendAsync(request);
        var entry = Assert.Single(Server.RequestLog.Entries);
        Assert.Equal("/common/discovery/v2.0/keys", entry.PathAndQuery);
        Assert.Equal(200, entry.StatusCode);
        Assert.True(entry.HadAuthorizationHeader);
    }
}
