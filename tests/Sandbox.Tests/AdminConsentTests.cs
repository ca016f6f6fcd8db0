using System.Net;

namespace WorkSights.Sandbox.Tests;

public sealed class AdminConsentTests(SandboxFixture fixture) : SandboxTestBase(fixture)
{
    private string ConsentUrl(SandboxClientApp app, string tenant = "organizations", string scope = "https://graph.microsoft.com/.default") =>
        $"{tenant}/v2.0/adminconsent?client_id={app.ClientId}&redirect_uri={Uri.EscapeDataString(ConsentRedirectUri)}&scope={Uri.EscapeDataString(scope)}&state=xyz";

    /// <summary>Opens the consent URL, signs in through the picker and returns the resulting page.</summary>
    private async Task<(HttpClient Client, string Html)> OpenAsSignedInAsync(SandboxClientApp app, string email, string tenant = "organizations")
    {
        var client = Client();
        using var picker = await client.GetAsync(ConsentUrl(app, tenant));
        var html = await picker.Content.ReadAsStringAsync();
        Assert.Contains($"data-account=\"{email}\"", html, StringComparison.Ordinal);
        var action = FormAction(html, "pick-form");
        using var page = await client.PostAsync(action.TrimStart('/'), new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = email }));
        return (client, await page.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient client, string html, string formId, string decision) =>
        await client.PostAsync(FormAction(html, formId).TrimStart('/'), new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = decision }));

    [Fact]
    public async Task Admin_accepts_and_the_service_principal_is_created()
    {
        var app = RegisterNewApp("Accepting app");
        var (client, html) = await OpenAsSignedInAsync(app, SandboxTenants.Contoso.AdminEmail);
        using (client)
        {
            Assert.Contains("Permissions requested", html, StringComparison.Ordinal);
            Assert.Contains("Review for your organization", html, StringComparison.Ordinal);
            Assert.Contains("Accepting app", html, StringComparison.Ordinal);
            Assert.Contains("Read all users&#x27; full profiles", html, StringComparison.Ordinal);
            Assert.Contains("data-permission=\"ActivityFeed.Read\"", html, StringComparison.Ordinal);
            Assert.Contains("data-permission=\"CallRecords.Read.All\"", html, StringComparison.Ordinal);
            Assert.Contains("data-permission=\"AuditLog.Read.All\"", html, StringComparison.Ordinal);
            Assert.Contains("data-permission=\"Directory.Read.All\"", html, StringComparison.Ordinal);
            Assert.Contains("id=\"accept\"", html, StringComparison.Ordinal);
            using var response = await DecideAsync(client, html, "consent-form", "accept");
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            var location = response.Headers.Location!;
            Assert.StartsWith(ConsentRedirectUri + "?", location.ToString(), StringComparison.Ordinal);
            Assert.Contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default", location.ToString(), StringComparison.Ordinal);
            var q = QueryOf(location);
            Assert.Equal("True", q["admin_consent"]);
            Assert.Equal(SandboxTenants.Contoso.TenantId, q["tenant"]);
            Assert.Equal("xyz", q["state"]);
            Assert.Equal(SandboxConsentState.Consented, Server.Directory.GetConsent(SandboxTenants.Contoso.TenantId, app.ClientId).State);
            await AppTokenAsync(SandboxTenants.Contoso.TenantId, app);
        }
    }

    [Fact]
    public async Task Admin_cancels()
    {
        var app = RegisterNewApp();
        var (client, html) = await OpenAsSignedInAsync(app, SandboxTenants.Fabrikam.AdminEmail);
        using (client)
        {
            using var response = await DecideAsync(client, html, "consent-form", "cancel");
            var q = QueryOf(response.Headers.Location!);
            Assert.Equal("True", q["admin_consent"]);
            Assert.Equal("consent_required", q["error"]);
            Assert.StartsWith("AADSTS65004:", q["error_description"], StringComparison.Ordinal);
            Assert.Equal("xyz", q["state"]);
            Assert.Equal(SandboxConsentState.NotConsented, Server.Directory.GetConsent(SandboxTenants.Fabrikam.TenantId, app.ClientId).State);
        }
    }

    [Theory]
    [InlineData("daniel.okafor@contoso.com")]
    [InlineData("priya.natarajan@northwindtraders.com")]
    public async Task Non_admin_needs_admin_approval_and_back_to_app_returns_access_denied(string email)
    {
        var app = RegisterNewApp("Needy app");
        var (client, html) = await OpenAsSignedInAsync(app, email);
        using (client)
        {
            Assert.Contains("Need admin approval", html, StringComparison.Ordinal);
            Assert.Contains("AADSTS90094", html, StringComparison.Ordinal);
            Assert.Contains("Needy app", html, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"accept\"", html, StringComparison.Ordinal);
            using var sneaky = await DecideAsync(client, html, "approval-form", "accept");
            Assert.Equal(HttpStatusCode.OK, sneaky.StatusCode);
            using var response = await DecideAsync(client, html, "approval-form", "back");
            var q = QueryOf(response.Headers.Location!);
            Assert.Equal("access_denied", q["error"]);
            Assert.Equal("cancel", q["error_subcode"]);
            Assert.StartsWith("AADSTS65004: User declined to consent", q["error_description"], StringComparison.Ordinal);
            Assert.Equal("xyz", q["state"]);
            Assert.All(Server.Directory.GetTenants(), t => Assert.Equal(SandboxConsentState.NotConsented, t.Apps.Single(a => a.ClientId == app.ClientId).State));
        }
    }

    [Fact]
    public async Task Privileged_role_administrator_can_consent()
    {
        var app = RegisterNewApp();
        var pra = Server.Directory.GetUsers(SandboxTenants.Contoso.TenantId).Single(u => u.DirectoryRoleIds.Contains(SandboxTenants.PrivilegedRoleAdministratorRoleId));
        var (client, html) = await OpenAsSignedInAsync(app, pra.Mail!);
        using (client)
        {
            Assert.Contains("id=\"accept\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ApplicationAdministratorNeedsApprovalGivenGraphApplicationPermissions()
    {
        var app = RegisterNewApp("Graph reader");
        var appAdmin = Server.Directory.GetUsers(SandboxTenants.Contoso.TenantId).Single(u => u.DirectoryRoleIds.Contains(SandboxTenants.ApplicationAdministratorRoleId));
        var (client, html) = await OpenAsSignedInAsync(app, appAdmin.Mail!);
        using (client)
        {
            Assert.Contains("AADSTS90094", html, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"accept\"", html, StringComparison.Ordinal);
            using var sneaky = await DecideAsync(client, html, "approval-form", "accept");
            Assert.Equal(SandboxConsentState.NotConsented, Server.Directory.GetConsent(SandboxTenants.Contoso.TenantId, app.ClientId).State);
        }
    }

    [Fact]
    public async Task Admin_of_another_tenant_gets_50020()
    {
        var app = RegisterNewApp();
        var (client, html) = await OpenAsSignedInAsync(app, SandboxTenants.Contoso.AdminEmail, SandboxTenants.Fabrikam.TenantId);
        using (client)
        {
            Assert.Contains("AADSTS50020", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Invalid_scope_redirects_and_bad_client_shows_error_page()
    {
        using var client = Client();
        using var badScope = await client.GetAsync(ConsentUrl(App, scope: "User.Read.All"));
        Assert.Equal("invalid_request", QueryOf(badScope.Headers.Location!)["error"]);

        using var unknown = await client.GetAsync(ConsentUrl(NewApp("ghost")));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("AADSTS700016", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
