using System.Net;
using System.Text.RegularExpressions;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>Requests no page expects (no handler, control characters, out-of-range error codes) are refused with a 4xx, never a 500.</summary>
public sealed partial class MalformedRequestTests : FunctionalTest
{
    [Theory]
    [InlineData("/Settings/Users")]
    [InlineData("/Settings/Users/Provisioning")]
    [InlineData("/Settings/Services")]
    [InlineData("/Settings/Services?handler=nope")]
    [InlineData("/Onboarding/Ready")]
    [InlineData("/Dashboard")]
    public async Task PostWithoutMatchingHandlerIsRefusedGivenValidAntiforgeryToken(string path)
    {
        var owner = await SignedInOwnerAsync();
        var token = await owner.AntiforgeryTokenAsync("/Settings/Services");

        var response = await owner.Browser.SendAsync(HttpMethod.Post, owner.At(path), [new("__RequestVerificationToken", token)]);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed, $"{path} answered {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("a\0b")]
    [InlineData("a\u0001b")]
    [InlineData("\u001b[31m")]
    [InlineData("a\u007fb")]
    [InlineData("a\u0085b")]
    public async Task ControlCharacterInFormFieldIsBadRequest(string value)
    {
        var owner = await SignedInOwnerAsync();
        var token = await owner.AntiforgeryTokenAsync("/Settings/Services");

        var response = await owner.Browser.SendAsync(
            HttpMethod.Post,
            owner.At("/Settings/Services?handler=Feature"),
            [new("__RequestVerificationToken", token), new("feature", value), new("enabled", "true")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("That request was not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Settings/Users/Provisioning?search=a%00b")]
    [InlineData("/Settings/Users/Provisioning?search=%1B")]
    [InlineData("/Settings/Services?message=%7F")]
    [InlineData("/Login?returnUrl=%2F%00")]
    [InlineData("/Login?err%00or=x")]
    public async Task ControlCharacterInQueryIsBadRequest(string path)
    {
        var owner = await SignedInOwnerAsync();

        var response = await owner.Browser.GetAsync(owner.At(path));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ControlCharacterInApiQueryIsBadRequestProblemDetails()
    {
        var owner = await SignedInOwnerAsync();

        var response = await owner.Browser.GetAsync(owner.At("/api/v1/people?search=a%00b"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("line one\r\nline two")]
    public async Task TabsAndLineBreaksInFormFieldsAreAccepted(string value)
    {
        var owner = await SignedInOwnerAsync();
        var page = await owner.Browser.GetAsync(owner.At("/Onboarding/AccountSetup"));
        var html = await page.Content.ReadAsStringAsync();

        var (response, _) = await owner.Browser.SubmitFormAsync(html, owner.At("/Onboarding/AccountSetup"), values: new Dictionary<string, string> { ["Input.CompanyName"] = value }, follow: false);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"answered {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("/Error/999")]
    [InlineData("/Error/200")]
    [InlineData("/Error/0")]
    [InlineData("/Error/-1")]
    [InlineData("/Error/99999999999")]
    [InlineData("/Error")]
    public async Task ErrorPageOutsideTheErrorRangeIsNotFound(string path)
    {
        var response = await NewBrowser().Browser.GetAsync(new Uri(App.BaseAddress, path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Error/404", HttpStatusCode.NotFound)]
    [InlineData("/Error/400", HttpStatusCode.BadRequest)]
    [InlineData("/Error/403", HttpStatusCode.Forbidden)]
    public async Task ErrorPageInTheErrorRangeAnswersItsCode(string path, HttpStatusCode expected)
    {
        var response = await NewBrowser().Browser.GetAsync(new Uri(App.BaseAddress, path));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task PutToAPageIsMethodNotAllowedAndDescribedGivenValidAntiforgeryToken()
    {
        var owner = await SignedInOwnerAsync();
        var token = await owner.AntiforgeryTokenAsync("/Settings/Services");

        var response = await owner.Browser.SendAsync(HttpMethod.Put, owner.At("/Onboarding/Ready"), [new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("That action is not available here", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<SignUpJourney> SignedInOwnerAsync()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        return owner;
    }
}
