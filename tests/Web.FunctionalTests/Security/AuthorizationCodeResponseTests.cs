using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>SECURITY.md A1: /signin-oidc accepts only the bare authorization-code response WorkSights asked for.</summary>
public sealed partial class AuthorizationCodeResponseTests : FunctionalTest
{
    private const string SessionCookie = "__Host-WorkSights";

    [Fact]
    public async Task ValidIdTokenPostedWithoutCodeIsRefusedWithoutSession()
    {
        var browser = NewBrowser();
        var (html, url) = await browser.SignInUntilFormPostAsync("/SignUp", SandboxTenants.Contoso.AdminEmail);
        var fields = FormFields(html);
        var idToken = await RedeemAsTheAppWouldAsync(fields);

        fields.Remove("code");
        fields["id_token"] = idToken;
        var (_, landed) = await PostCallbackAsync(browser, url, html, fields);

        AssertRefused(browser, landed);
    }

    [Fact]
    public async Task CodeResponseCarryingAnIdTokenIsRefusedWithoutSession()
    {
        var browser = NewBrowser();
        var (html, url) = await browser.SignInUntilFormPostAsync("/SignUp", SandboxTenants.Contoso.AdminEmail);
        var fields = FormFields(html);

        fields["id_token"] = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.";
        var (_, landed) = await PostCallbackAsync(browser, url, html, fields);

        AssertRefused(browser, landed);
    }

    [Fact]
    public async Task CancelledSignInStillExplainsItself()
    {
        var browser = NewBrowser();
        var (html, url) = await browser.SignInUntilFormPostAsync("/SignUp", SandboxTenants.Contoso.AdminEmail);
        var fields = FormFields(html);

        fields.Remove("code");
        fields["error"] = "access_denied";
        fields["error_description"] = "AADSTS65004: User declined to consent.";
        var (_, landed) = await PostCallbackAsync(browser, url, html, fields);

        Assert.Equal("/Login", landed.AbsolutePath);
        Assert.Contains("error=cancelled", landed.Query, StringComparison.Ordinal);
    }

    /// <summary>
    /// A genuine id_token bound to this browser's nonce: the code redeemed with the PKCE verifier the app keeps in its own
    /// protected state, which only the app (and here the test, through its services) can read.
    /// </summary>
    private async Task<string> RedeemAsTheAppWouldAsync(Dictionary<string, string> fields)
    {
        var options = App.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(Authentication.AuthenticationSchemes.Microsoft);
        var properties = options.StateDataFormat.Unprotect(fields["state"])!;
        using var http = new HttpClient();
        var response = await http.PostAsync(
            new Uri(App.Sandbox.HttpBaseAddress, "organizations/oauth2/v2.0/token"),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = fields["code"],
                ["redirect_uri"] = new Uri(App.BaseAddress, "signin-oidc").ToString(),
                ["client_id"] = WorkSightsApp.ClientId,
                ["client_secret"] = WorkSightsApp.ClientSecret,
                ["code_verifier"] = properties.Items["code_verifier"]!,
            }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id_token").GetString()!;
    }

    private static void AssertRefused(SignUpJourney browser, Uri landed)
    {
        Assert.Equal("/Login", landed.AbsolutePath);
        Assert.Contains("error=signin-failed", landed.Query, StringComparison.Ordinal);
        Assert.False(browser.Browser.HasCookie(landed.Host, SessionCookie), "A refused sign-in must not create a session.");
    }

    private static Dictionary<string, string> FormFields(string html) =>
        HiddenField().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    private static async Task<(HttpResponseMessage Response, Uri Url)> PostCallbackAsync(SignUpJourney browser, Uri formPage, string html, Dictionary<string, string> fields)
    {
        var target = new Uri(formPage, WebUtility.HtmlDecode(FormAction().Match(html).Groups[1].Value));
        var response = await browser.Browser.SendAsync(HttpMethod.Post, target, fields);
        return await browser.Browser.FollowAsync(response, target);
    }

    [GeneratedRegex("<input(?=[^>]*type=\"hidden\")(?=[^>]*name=\"(?<name>[^\"]*)\")(?=[^>]*value=\"(?<value>[^\"]*)\")[^>]*>")]
    private static partial Regex HiddenField();

    [GeneratedRegex("<form id=\"form-post\"[^>]*action=\"([^\"]*)\"")]
    private static partial Regex FormAction();
}
