using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>PRODUCT.md "Revocation": notice, stop syncing, show it, keep the data, recover on re-consent.</summary>
public sealed class RevocationTests : FunctionalTest
{
    [Fact]
    public async Task RevokedConsentIsShownAndStopsSyncUntilConsentIsGrantedAgain()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        var workspace = await ReadJsonAsync<WorkspaceResponse>(await owner.Browser.GetAsync(owner.At("/api/v1/workspace")));

        App.Sandbox.Directory.RevokeConsent(SandboxTenants.Contoso.TenantId, WorkSightsApp.ClientId);
        var (services, _) = await SyncNowAsync(owner);
        var html = await services.Content.ReadAsStringAsync();

        Assert.Contains("Consent revoked", html, StringComparison.Ordinal);
        Assert.Contains("id=\"reconnect\"", html, StringComparison.Ordinal);
        var revoked = await ReadJsonAsync<WorkspaceResponse>(await owner.Browser.GetAsync(owner.At("/api/v1/workspace")));
        Assert.Equal("ConsentRevoked", revoked.Status);
        Assert.Equal(workspace.PeopleCount, revoked.PeopleCount);

        var graphRequestsBefore = GraphRequests();
        var skipped = await SendCommandAsync(new ImportDirectoryCommand(workspace.Id));
        Assert.Equal(DirectoryImportOutcome.WorkspaceNotActive, skipped.Outcome);
        Assert.Equal(graphRequestsBefore, GraphRequests());

        var (reconnectPage, reconnectUrl) = await owner.Browser.SubmitFormAsync(html, owner.At("/Settings/Services"), "reconnect-form");
        var (back, backUrl) = await owner.Browser.SubmitFormAsync(await reconnectPage.Content.ReadAsStringAsync(), reconnectUrl, "consent-form", new Dictionary<string, string> { ["decision"] = "accept" });
        Assert.Equal("/Settings/Services?message=reconnected", backUrl.PathAndQuery);
        var restored = await ReadJsonAsync<WorkspaceResponse>(await owner.Browser.GetAsync(owner.At("/api/v1/workspace")));
        Assert.Equal(("Active", workspace.Id, workspace.PeopleCount), (restored.Status, restored.Id, restored.PeopleCount));
        Assert.Contains("Microsoft 365 is connected again", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedEnterpriseApplicationIsTreatedAsRevocation()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);

        App.Sandbox.Directory.DeleteServicePrincipal(SandboxTenants.Fabrikam.TenantId, WorkSightsApp.ClientId);
        var (services, _) = await SyncNowAsync(owner);

        Assert.Contains("Consent revoked", await services.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncNowBringsJoinersLeaversAndChangesIn()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        var tenant = SandboxTenants.Fabrikam.TenantId;
        var leaver = App.Sandbox.Directory.GetUsers(tenant).First(u => u.Mail != SandboxTenants.Fabrikam.AdminEmail && u.UserType == "Member");
        App.Sandbox.Directory.RemoveUser(tenant, leaver.Id);
        var joiner = App.Sandbox.Directory.AddUser(tenant, "Jonas Berg", "Sales", "Account Executive");

        var (services, _) = await SyncNowAsync(owner);
        Assert.Contains("The directory is up to date", await services.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var people = await ReadJsonAsync<PeoplePage>(await owner.Browser.GetAsync(owner.At("/api/v1/people?pageSize=200")));
        Assert.Contains(people.Items, p => p.Email == joiner.Mail && p.ProvisioningState == "New");
        Assert.DoesNotContain(people.Items, p => p.Email == leaver.Mail);
        Assert.Contains(App.Sandbox.RequestLog.Entries, e => e.PathAndQuery.Contains("/users/delta", StringComparison.Ordinal) && e.PathAndQuery.Contains("deltatoken", StringComparison.OrdinalIgnoreCase));
    }

    private int GraphRequests() => App.Sandbox.RequestLog.Entries.Count(e => e.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal));

    private static async Task<(HttpResponseMessage Response, Uri Url)> SyncNowAsync(SignUpJourney owner)
    {
        var page = await owner.Browser.GetAsync(owner.At("/Settings/Services"));
        return await owner.Browser.SubmitFormAsync(await page.Content.ReadAsStringAsync(), owner.At("/Settings/Services"), "sync-now-form");
    }
}
