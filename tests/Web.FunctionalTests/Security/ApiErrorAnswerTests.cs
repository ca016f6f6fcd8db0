using System.Net;
using WorkSights.Sandbox;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>API validation and binding errors say what is wrong without handing the caller's input back.</summary>
public sealed class ApiErrorAnswerTests : FunctionalTest
{
    [Theory]
    [InlineData("/api/v1/people?page=1<b>zq7probe</b>", "zq7probe")]
    [InlineData("/api/v1/people?state=<b>zq7probe</b>", "zq7probe")]
    [InlineData("/api/v1/people?state=987654321", "987654321")]
    [InlineData("/api/v1/people?pageSize=-424242", "424242")]
    public async Task ValidationErrorDoesNotEchoInput(string path, string probe)
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);

        var response = await owner.Browser.GetAsync(owner.At(path));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(probe, body, StringComparison.Ordinal);
    }
}
