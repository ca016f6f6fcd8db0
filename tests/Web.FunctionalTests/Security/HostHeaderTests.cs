using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>Absolute links and redirects come from the configured public address, never from the Host header a client sends.</summary>
public sealed class HostHeaderTests : FunctionalTest
{
    private const string ForeignHost = "evil.example";

    [Fact]
    public async Task ForeignHostHeaderNeverAppearsInLinksOrRedirectsSignedOut()
    {
        var visitor = ForgingHost(NewBrowser());

        foreach (var path in new[] { "/", "/Login", "/SignUp", "/Dashboard", "/Settings/Services", "/Onboarding/Connect", "/Onboarding/AdminRequired", "/no-such-page", "/Error/404", "/api/v1/people" })
        {
            await visitor.Browser.GetAsync(visitor.At(path));
        }

        await AssertNeverMentionsForeignHostAsync(visitor);
    }

    [Fact]
    public async Task ForeignHostHeaderNeverAppearsThroughoutSignUpConsentAndForwardLink()
    {
        var member = ForgingHost(NewBrowser());
        await member.SignUpAsync(SandboxTenants.Contoso.MemberEmail);
        var (adminRequired, adminRequiredUrl) = await member.ConsentAsync("back");
        Assert.Equal("/Onboarding/AdminRequired", adminRequiredUrl.AbsolutePath);
        Assert.Contains($"value=\"{new Uri(App.BaseAddress, "/SignUp")}\"", await adminRequired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var admin = ForgingHost(NewBrowser());
        var (_, readyUrl) = await admin.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        Assert.Equal("/Onboarding/Ready", readyUrl.AbsolutePath);
        await admin.Browser.GetAsync(admin.At("/Settings/Users/Provisioning"));
        await admin.Browser.GetAsync(admin.At("/Reports/ScoreReport"));

        await AssertNeverMentionsForeignHostAsync(member);
        await AssertNeverMentionsForeignHostAsync(admin);
    }

    private SignUpJourney ForgingHost(SignUpJourney journey)
    {
        journey.Browser.HostHeaders[App.BaseAddress.Authority] = ForeignHost;
        return journey;
    }

    private async Task AssertNeverMentionsForeignHostAsync(SignUpJourney journey)
    {
        Assert.Contains(journey.Browser.History, h => h.Url.Authority == App.BaseAddress.Authority);
        foreach (var (url, response) in journey.Browser.History)
        {
            Assert.DoesNotContain(ForeignHost, response.Headers.Location?.ToString() ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            Assert.False(
                (await response.Content.ReadAsStringAsync()).Contains(ForeignHost, StringComparison.OrdinalIgnoreCase),
                $"The answer to {url} mentions {ForeignHost}.");
        }
    }
}
