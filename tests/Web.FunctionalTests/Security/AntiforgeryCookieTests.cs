using WorkSights.Sandbox;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>SECURITY.md section 2, item 1: the antiforgery cookie is as well guarded as the session cookie.</summary>
public sealed class AntiforgeryCookieTests : FunctionalTest
{
    [Fact]
    public async Task AntiforgeryCookieIsHostPrefixedSecureHttpOnlyAndStrict()
    {
        var response = await NewBrowser().Browser.GetAsync(new Uri(App.BaseAddress, "/SignUp"));

        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("__Host-WorkSights.Antiforgery=", setCookie, StringComparison.Ordinal);
        Assert.Contains("path=/;", setCookie + ";", StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FormsStillPostWithTheHostPrefixedCookie()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        var page = await owner.Browser.GetAsync(owner.At("/Settings/Services?confirm=disconnect"));

        var (response, url) = await owner.Browser.SubmitFormAsync(await page.Content.ReadAsStringAsync(), owner.At("/Settings/Services"), "disconnect-form");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("message=disconnected", url.Query, StringComparison.Ordinal);
    }
}
