using System.Net;
using System.Text.RegularExpressions;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>SECURITY.md A2–A3: the OpenID Connect callback accepts only its own, single-use, browser-bound answers and valid id_tokens.</summary>
public sealed partial class SignInCallbackTests : FunctionalTest
{
    private const string SessionCookie = "__Host-WorkSights";

    [Fact]
    public async Task CallbackWithoutStateIsRejectedWithoutSession()
    {
        var browser = NewBrowser();
        var (html, url) = await browser.SignInUntilFormPostAsync("/SignUp", SandboxTenants.Contoso.AdminEmail);

        var fields = FormFields(html);
        fields.Remove("state");
        var (_, landed) = await PostCallbackAsync(browser, url, html, fields);

        AssertRejected(browser, landed);
    }

    [Fact]
    public async Task CallbackWithForgedStateIsRejectedWithoutSession()
    {
        var browser = NewBrowser();
        var (html, url) = await browser.SignInUntilFormPostAsync("/SignUp", SandboxTenants.Contoso.AdminEmail);

        var fields = FormFields(html);
        fields["state"] = "CfDJ8forged-state-value";
        var (_, landed) = await PostCallbackAsync(browser, url, html, fields);

        AssertRejected(browser, landed);
    }

    [Fact]
    public async Task ReplayedCallbackIsRejected()
    {
        var browser = NewBrowser();
        var (html, url) = await browser.SignInUntilFormPostAsync("/SignUp", SandboxTenants.Contoso.AdminEmail);
        var (_, first) = await PostCallbackAsync(browser, url, html, FormFields(html));
        Assert.Equal("/Onboarding/Connect", first.AbsolutePath);

        var (_, replay) = await PostCallbackAsync(browser, url, html, FormFields(html));

        Assert.Equal("/Login", replay.AbsolutePath);
        Assert.Contains("error=signin-failed", replay.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallbackCarriedToAnotherBrowserIsRejected()
    {
        var victim = NewBrowser();
        var (html, url) = await victim.SignInUntilFormPostAsync("/SignUp", SandboxTenants.Contoso.AdminEmail);

        var attacker = NewBrowser();
        var (_, landed) = await PostCallbackAsync(attacker, url, html, FormFields(html));

        AssertRejected(attacker, landed);
    }

    [Theory]
    [InlineData(SandboxIdTokenFault.WrongIssuer)]
    [InlineData(SandboxIdTokenFault.IssuerTenantMismatch)]
    [InlineData(SandboxIdTokenFault.WrongAudience)]
    [InlineData(SandboxIdTokenFault.WrongNonce)]
    [InlineData(SandboxIdTokenFault.AlgNone)]
    [InlineData(SandboxIdTokenFault.BadSignature)]
    [InlineData(SandboxIdTokenFault.Expired)]
    public async Task IdTokenThatFailsValidationGivesNoSession(SandboxIdTokenFault fault)
    {
        var browser = NewBrowser();
        App.Sandbox.Faults.NextIdToken = fault;

        var (_, landed) = await browser.SignUpAsync(SandboxTenants.Contoso.AdminEmail);

        AssertRejected(browser, landed);
        var (_, again) = await NewBrowser().SignUpAsync(SandboxTenants.Contoso.AdminEmail);
        Assert.Equal("/Onboarding/Connect", again.AbsolutePath);
    }

    [Fact]
    public async Task ReturnUrlOutsideTheSiteIsIgnored()
    {
        var browser = NewBrowser();
        var login = await browser.Browser.GetAsync(browser.At("/Login?returnUrl=https%3A%2F%2Fevil.example%2F"));
        var html = await login.Content.ReadAsStringAsync();

        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }

    private static void AssertRejected(SignUpJourney browser, Uri landed)
    {
        Assert.Equal("/Login", landed.AbsolutePath);
        Assert.Contains("error=", landed.Query, StringComparison.Ordinal);
        Assert.False(browser.Browser.HasCookie(landed.Host, SessionCookie), "A rejected sign-in must not create a session.");
    }

    private static Dictionary<string, string> FormFields(string html) =>
        HiddenField().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    private static async Task<(HttpResponseMessage Response, Uri Url)> PostCallbackAsync(SignUpJourney browser, Uri formPage, string html, Dictionary<string, string> fields)
    {
        var action = WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value);
        var target = new Uri(formPage, action);
        var response = await browser.Browser.SendAsync(HttpMethod.Post, target, fields);
        return await browser.Browser.FollowAsync(response, target);
    }

    [GeneratedRegex("<input(?=[^>]*type=\"hidden\")(?=[^>]*name=\"(?<name>[^\"]*)\")(?=[^>]*value=\"(?<value>[^\"]*)\")[^>]*>")]
    private static partial Regex HiddenField();

    [GeneratedRegex("<form id=\"form-post\"[^>]*action=\"([^\"]*)\"")]
    private static partial Regex FormAction();
}
