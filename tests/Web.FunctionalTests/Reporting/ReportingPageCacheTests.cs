using System.Globalization;
using System.Net;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Reporting;

/// <summary>
/// A reporting page is served again to the session that built it while nothing of the workspace changed, and built
/// afresh after any change; the output cache marks a page it serves with an Age header.
/// </summary>
public sealed class ReportingPageCacheTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    public ReportingPageCacheTests()
        : base(new WorkSightsApp())
    {
    }

    private DateOnly Day { get; } = ReportingSeed.LastWorkDay();

    private string DashboardPath => $"/Dashboard?date={Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    [Fact]
    public async Task RepeatedPageIsServedFromTheCacheUntilTheWorkspaceChanges()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await GetAsync(owner, DashboardPath);
        await GetAsync(owner, DashboardPath);

        var repeated = await GetAsync(owner, DashboardPath);
        await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, Day);
        var afterChange = await GetAsync(owner, DashboardPath);
        var repeatedAfterChange = await GetAsync(owner, DashboardPath);

        Assert.True(repeated.FromCache);
        Assert.False(afterChange.FromCache);
        Assert.DoesNotContain("4 h 05 m", repeated.Html, StringComparison.Ordinal);
        Assert.Contains("4 h 05 m", afterChange.Html, StringComparison.Ordinal);
        Assert.True(repeatedAfterChange.FromCache);
    }

    [Fact]
    public async Task AnotherSessionOrAnotherRoleNeverReceivesAPageBuiltForTheFirst()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, Day);
        var executive = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Executive);
        await GetAsync(executive, DashboardPath);
        await GetAsync(executive, DashboardPath);
        Assert.True((await GetAsync(executive, DashboardPath)).FromCache);

        var secondSession = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Executive);
        var fromSecondSession = await GetAsync(secondSession, DashboardPath);
        var member = await SignInWithRoleAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, PersonRole.Member);
        var asMember = await GetAsync(member, DashboardPath);
        var signedOut = await NewBrowser().Browser.GetAsync(owner.At(DashboardPath));

        Assert.False(fromSecondSession.FromCache);
        Assert.False(asMember.FromCache);
        Assert.Single(ReportingMarkup.PersonRowIds(asMember.Html));
        Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
    }

    private static async Task<(bool FromCache, string Html)> GetAsync(SignUpJourney browser, string path)
    {
        var response = await browser.Browser.GetAsync(browser.At(path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.Age is not null, await response.Content.ReadAsStringAsync());
    }
}
