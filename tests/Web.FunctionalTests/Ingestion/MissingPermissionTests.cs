using WorkSights.Application.Directory.ImportWorkSettings;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Ingestion;

/// <summary>A workspace that consented before WorkSights asked for MailboxSettings.Read keeps working and is told what is missing.</summary>
public sealed class MissingPermissionTests : FunctionalTest
{
    [Fact]
    public async Task ServiceViewNamesTheMissingPermissionAndOffersConsentGivenConsentFromBeforeMailboxSettingsRead()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        var workspace = await ReadJsonAsync<WorkspaceResponse>(await owner.Browser.GetAsync(owner.At("/api/v1/workspace")));
        App.Sandbox.Directory.GrantConsent(
            SandboxTenants.Fabrikam.TenantId,
            WorkSightsApp.ClientId,
            [.. SandboxDirectory.RequestedPermissions.Select(p => p.Value).Where(p => p != "MailboxSettings.Read")]);

        var refused = await SendCommandAsync(new ImportWorkSettingsCommand(workspace.Id));
        var html = await (await owner.Browser.GetAsync(owner.At("/Settings/Services"))).Content.ReadAsStringAsync();

        Assert.Equal(WorkSettingsImportOutcome.PermissionMissing, refused.Outcome);
        Assert.Contains("id=\"missing-permissions\"", html, StringComparison.Ordinal);
        Assert.Contains("data-permission=\"MailboxSettings.Read\"", html, StringComparison.Ordinal);
        Assert.Contains("read people&#x27;s time zones and working hours", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Consent revoked", html, StringComparison.Ordinal);
        Assert.Contains("id=\"sync-now\"", html, StringComparison.Ordinal);
        var active = await ReadJsonAsync<WorkspaceResponse>(await owner.Browser.GetAsync(owner.At("/api/v1/workspace")));
        Assert.Equal("Active", active.Status);

        var (consentPage, consentUrl) = await owner.Browser.SubmitFormAsync(html, owner.At("/Settings/Services"), "grant-permissions-form");
        var (_, backUrl) = await owner.Browser.SubmitFormAsync(
            await consentPage.Content.ReadAsStringAsync(), consentUrl, "consent-form", new Dictionary<string, string> { ["decision"] = "accept" });
        var granted = await SendCommandAsync(new ImportWorkSettingsCommand(workspace.Id));
        var after = await (await owner.Browser.GetAsync(owner.At("/Settings/Services"))).Content.ReadAsStringAsync();

        Assert.Equal("/Settings/Services?message=reconnected", backUrl.PathAndQuery);
        Assert.Equal(WorkSettingsImportOutcome.Completed, granted.Outcome);
        Assert.True(granted.Read > 0);
        Assert.DoesNotContain("id=\"missing-permissions\"", after, StringComparison.Ordinal);
    }
}
