using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Reporting;

/// <summary>
/// Issue 11, Map View: the demo organisation's sign-ins from cloud virtual machines are imported (they are work) and
/// marked with the provider the real address data names, but no pin stands at a datacenter's city.
/// </summary>
public sealed class CloudSignInsMapTests() : FunctionalTest(new WorkSightsApp { ActivitySyncEnabled = true })
{
    private static readonly string[] DatacenterCities = ["Amsterdam", "Dublin", "Boydton", "Quincy", "Ashburn", "Frankfurt am Main"];

    [Fact]
    public async Task CloudSignInsAreImportedButNoPinStandsAtADatacenterGivenASandboxSignUp()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        await SignInsImportedAndScoredAsync();

        var cloud = await App.InWorkspaceAsync(SandboxTenants.Fabrikam.TenantId, db => db.Activities.AsNoTracking()
            .Where(a => a.Source == ActivitySource.EntraId && a.CloudProvider != null)
            .Select(a => new { a.PersonId, a.OccurredAt, a.CloudProvider, a.Location!.City })
            .ToListAsync());
        var places = await App.InWorkspaceAsync(SandboxTenants.Fabrikam.TenantId, db => db.PersonDayLocations.AsNoTracking().Select(l => l.City).Distinct().ToListAsync());

        Assert.NotEmpty(cloud);
        Assert.All(cloud, a => Assert.Contains(a.CloudProvider, new[] { "Microsoft Azure", "Amazon Web Services" }));
        Assert.All(cloud, a => Assert.Contains(a.City, DatacenterCities));
        Assert.NotEmpty(places);
        Assert.Empty(places.Intersect(DatacenterCities));

        var first = cloud.OrderBy(a => a.OccurredAt).First();
        var utcDate = DateOnly.FromDateTime(first.OccurredAt.UtcDateTime);
        var pages = new List<string>();
        foreach (var date in new[] { utcDate.AddDays(-1), utcDate, utcDate.AddDays(1) })
        {
            var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            pages.Add(await (await owner.Browser.GetAsync(owner.At($"/Activities/Map?date={day}"))).Content.ReadAsStringAsync());
            var detail = await owner.Browser.GetAsync(owner.At($"/Activities/Detail/{first.PersonId}?date={day}"));
            Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
            pages.Add(await detail.Content.ReadAsStringAsync());
        }

        Assert.Contains(pages, html => html.Contains($"Cloud datacenter ({first.CloudProvider})", StringComparison.Ordinal));
        Assert.All(DatacenterCities, city => Assert.DoesNotContain(pages, html => html.Contains($"data-city=\"{city}\"", StringComparison.Ordinal)));
        Assert.Contains(pages, html => html.Contains("data-city=", StringComparison.Ordinal));
    }

    /// <summary>The sign-in feed's first run has completed and the recompute job has drained every mark.</summary>
    private async Task SignInsImportedAndScoredAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var state = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            var (completed, dirty, days) = await App.InWorkspaceAsync(SandboxTenants.Fabrikam.TenantId, async db => (
                await db.FeedCheckpoints.AnyAsync(c => c.Feed == TenantFeed.SignIns && c.LastCompletedAt != null),
                await db.DirtyPersonDays.CountAsync(),
                await db.PersonDays.CountAsync()));
            state = $"sign-ins completed: {completed}, {dirty} dirty, {days} days";
            if (completed && dirty == 0 && days > 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        Assert.Fail(state);
    }
}
