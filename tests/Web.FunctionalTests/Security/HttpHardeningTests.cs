using System.Net;
using WorkSights.Sandbox;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>SECURITY.md section 2: cookies, headers, anti-forgery, authentication everywhere, clear errors.</summary>
public sealed class HttpHardeningTests : FunctionalTest
{
    [Fact]
    public async Task SessionCookieIsHostPrefixedSecureHttpOnlyAndLax()
    {
        var journey = NewBrowser();
        var (formPage, formUrl) = await journey.SignInUntilFormPostAsync("/SignUp", SandboxTenants.Contoso.AdminEmail);
        await journey.Browser.SubmitFormAsync(formPage, formUrl, "form-post", follow: false);
        var setCookie = journey.Browser.LastResponse!.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-WorkSights=", StringComparison.Ordinal));

        Assert.Contains("path=/", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EveryPageCarriesTheSecurityHeaders()
    {
        var response = await NewBrowser().Browser.GetAsync(new Uri(App.BaseAddress, "/"));

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task AuthenticatedPagesAreNotCached()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);

        var response = await owner.Browser.GetAsync(owner.At("/Settings/Users/Provisioning"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryTokenIsRejected()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);

        var response = await owner.Browser.SendAsync(HttpMethod.Post, owner.At("/Settings/Services?handler=SyncNow"), []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/workspace")]
    [InlineData("/api/v1/people")]
    public async Task ApiWithoutSessionAnswersUnauthorized(string path)
    {
        var response = await NewBrowser().Browser.GetAsync(new Uri(App.BaseAddress, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/Dashboard")]
    [InlineData("/Settings/Users/Provisioning")]
    [InlineData("/Settings/Services")]
    [InlineData("/Onboarding/AccountSetup")]
    [InlineData("/Onboarding/Connect")]
    public async Task PagesWithoutSessionRedirectToLogin(string path)
    {
        var response = await NewBrowser().Browser.GetAsync(new Uri(App.BaseAddress, path));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task MemberSeesOnlyTheirNavigationAndGetsForbiddenForAdministration()
    {
        var member = NewBrowser();
        await member.SignUpAsync(SandboxTenants.Fabrikam.MemberEmail);
        await member.ConsentAsync("back");
        await NewBrowser().SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        var (dashboard, _) = await member.LogInAsync(SandboxTenants.Fabrikam.MemberEmail);
        var html = await dashboard.Content.ReadAsStringAsync();

        Assert.DoesNotContain("href=\"/Settings/Users\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Reports/ScoreReport\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Overviews/My\"", html, StringComparison.Ordinal);
        foreach (var path in new[] { "/Settings/Users/Provisioning", "/Settings/Services", "/Reports/ScoreReport", "/Onboarding/AccountSetup" })
        {
            var response = await member.Browser.GetAsync(member.At(path));
            var landed = response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.ToString() : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(landed.Contains("403", StringComparison.Ordinal), $"{path} gave {landed}");
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await member.Browser.GetAsync(member.At("/api/v1/people"))).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/people?page=0")]
    [InlineData("/api/v1/people?pageSize=100000")]
    [InlineData("/api/v1/people?state=Nonsense")]
    public async Task BadPagingAnswersBadRequestProblemDetails(string path)
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);

        var response = await owner.Browser.GetAsync(owner.At(path));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownPageShowsTheNotFoundPage()
    {
        var response = await NewBrowser().Browser.GetAsync(new Uri(App.BaseAddress, "/no-such-page"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthEndpointAnswersHealthy()
    {
        var response = await NewBrowser().Browser.GetAsync(new Uri(App.BaseAddress, "/health"));

        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
