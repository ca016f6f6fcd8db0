using System.Net;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Ingestion;

/// <summary>Disconnect stops every sync at once, so Service View asks first and only its confirmation disconnects.</summary>
public sealed class DisconnectTests : FunctionalTest
{
    public DisconnectTests()
        : base(new WorkSightsApp())
    {
    }

    [Fact]
    public async Task DisconnectAsksFirstAndAPostWithoutTheConfirmationChangesNothing()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        var services = await (await owner.Browser.GetAsync(owner.At("/Settings/Services"))).Content.ReadAsStringAsync();
        var confirmation = await (await owner.Browser.GetAsync(owner.At("/Settings/Services?confirm=disconnect"))).Content.ReadAsStringAsync();

        var (unconfirmed, unconfirmedUrl) = await owner.Browser.SubmitFormAsync(
            confirmation, owner.At("/Settings/Services"), "disconnect-form", new Dictionary<string, string> { ["confirmed"] = "" });
        var afterUnconfirmed = await unconfirmed.Content.ReadAsStringAsync();
        var (confirmed, confirmedUrl) = await owner.Browser.SubmitFormAsync(confirmation, owner.At("/Settings/Services"), "disconnect-form");

        Assert.DoesNotContain("id=\"disconnect-form\"", services, StringComparison.Ordinal);
        Assert.Contains("Disconnect from Microsoft 365?", confirmation, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("confirm=disconnect", unconfirmedUrl.Query, StringComparison.Ordinal);
        Assert.DoesNotContain(">Disconnected<", afterUnconfirmed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("message=disconnected", confirmedUrl.Query, StringComparison.Ordinal);
        Assert.Contains(">Disconnected<", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
