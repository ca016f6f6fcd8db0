using System.Net;
using System.Net.Http.Json;

namespace WorkSights.Sandbox.Tests;

public sealed class ControlEndpointTests(SandboxFixture fixture) : SandboxTestBase(fixture)
{
    [Fact]
    public async Task Http_controls_manage_consent_users_and_faults()
    {
        using var client = Client();
        var tenant = SandboxTenants.Fabrikam.TenantId;
        using (var grant = await client.PostAsync($"sandbox/tenants/{tenant}/apps/{App.ClientId}/grant", null))
        {
            Assert.Equal("Consented", (await Json(grant)).GetProperty("state").GetString());
        }

        using (var revoke = await client.PostAsync($"sandbox/tenants/{tenant}/apps/{App.ClientId}/revoke", null))
        {
            Assert.Equal("PermissionsRevoked", (await Json(revoke)).GetProperty("state").GetString());
        }

        var tenants = await Json(await client.GetAsync("sandbox/tenants"));
        var fabrikam = tenants.EnumerateArray().Single(t => t.GetProperty("tenantId").GetString() == tenant);
        Assert.Equal("PermissionsRevoked", fabrikam.GetProperty("apps").EnumerateArray().Single(a => a.GetProperty("clientId").GetString() == App.ClientId).GetProperty("state").GetString());

        using var added = await client.PostAsJsonAsync($"sandbox/tenants/{tenant}/users", new { displayName = "Nia Joiner", department = "Sales" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await Json(added)).GetProperty("id").GetString()!;
        Assert.Equal("nia.joiner@fabrikam.com", Server.Directory.FindUser(tenant, id)!.Mail);
        using var patched = await client.PatchAsJsonAsync($"sandbox/tenants/{tenant}/users/{id}", new { jobTitle = "Lead" });
        Assert.Equal("Lead", (await Json(patched)).GetProperty("jobTitle").GetString());
        using var deleted = await client.DeleteAsync($"sandbox/tenants/{tenant}/users/{id}");
        Assert.Null(Server.Directory.FindUser(tenant, id));

        using var fault = await client.PostAsJsonAsync("sandbox/faults/id-token", new { fault = "Expired" });
        Assert.Equal(SandboxIdTokenFault.Expired, Server.Faults.NextIdToken);
        using var throttle = await client.PostAsJsonAsync("sandbox/faults/throttle", new { requests = 4, retryAfterSeconds = 1 });
        Assert.Equal(4, Server.Faults.ThrottledRequestsRemaining);
        using var reset = await client.PostAsync("sandbox/faults/reset", null);
        Assert.Equal(0, Server.Faults.ThrottledRequestsRemaining);

        using var missing = await client.PostAsync($"sandbox/tenants/{Guid.NewGuid()}/apps/{App.ClientId}/grant", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var page = await client.GetStringAsync("sandbox");
        Assert.Contains("Sandbox admin centre", page, StringComparison.Ordinal);
        Assert.Contains("delete-service-principal", page, StringComparison.Ordinal);
        Assert.NotEmpty((await Json(await client.GetAsync("sandbox/requests"))).EnumerateArray());
    }

    [Fact]
    public async Task Cross_origin_control_calls_are_refused_and_forms_redirect_back()
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "sandbox/faults/expire-delta-tokens");
        request.Headers.Add("Origin", "http://evil.test");
        using var refused = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var form = await client.PostAsync($"sandbox/tenants/{SandboxTenants.Contoso.TenantId}/apps/{App.ClientId}/grant", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.SeeOther, form.StatusCode);
        Assert.Equal("/sandbox", form.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Admin_page_switches_a_tenant_s_audit_log_and_entra_licence_by_form()
    {
        using var client = Client();
        var tenant = SandboxTenants.Fabrikam.TenantId;
        var page = await client.GetStringAsync("sandbox");
        Assert.Contains($"/sandbox/tenants/{tenant}/audit-log", page, StringComparison.Ordinal);
        Assert.Contains($"/sandbox/tenants/{tenant}/entra-premium", page, StringComparison.Ordinal);

        using var auditOff = await client.PostAsync($"sandbox/tenants/{tenant}/audit-log", new FormUrlEncodedContent([new("enabled", "false")]));
        using var licenceOff = await client.PostAsync($"sandbox/tenants/{tenant}/entra-premium", new FormUrlEncodedContent([new("enabled", "false")]));

        Assert.Equal((HttpStatusCode.SeeOther, HttpStatusCode.SeeOther), (auditOff.StatusCode, licenceOff.StatusCode));
        Assert.False(Server.AuditLog.IsEnabled(tenant));
        Assert.False(Server.Directory.HasEntraPremium(tenant));
        var after = await client.GetStringAsync("sandbox");
        Assert.Contains("Turn audit log on", after, StringComparison.Ordinal);
        Assert.Contains("Add licence", after, StringComparison.Ordinal);
        Server.AuditLog.SetEnabled(tenant, true);
        Server.Directory.SetEntraPremium(tenant, true);
    }

    [Fact]
    public async Task Data_directory_keeps_the_certificate_and_signing_key()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sbx-" + Guid.NewGuid().ToString("N"));
        try
        {
            string thumbprint;
            string kid;
            await using (var first = await SandboxServer.StartAsync(new SandboxOptions { DataDirectory = dir }))
            {
                thumbprint = first.TlsCertificate.Thumbprint;
                kid = first.State.Keys.KeyId;
            }

            await using var second = await SandboxServer.StartAsync(new SandboxOptions { DataDirectory = dir });
            Assert.Equal(thumbprint, second.TlsCertificate.Thumbprint);
            Assert.Equal(kid, second.State.Keys.KeyId);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
