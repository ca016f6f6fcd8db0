using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WorkSights.Application.Ingestion.Arrivals;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.BrowserTests;

/// <summary>
/// The Activity Stream receiving an item live and loading more, and the Map drawing its pins from the app alone: every
/// request to anything but this machine is aborted, so a tile server or CDN would show up as a missing map.
/// </summary>
public sealed class ActivityStreamAndMapTests : IAsyncLifetime
{
    private static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
    private static readonly DateTimeOffset Noon = new(Day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    private static readonly string DayText = Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly (string City, string Country, double Lat, double Lon)[] Cities =
    [
        ("Chicago", "US", 41.88, -87.63), ("Chicago", "US", 41.88, -87.63), ("Chicago", "US", 41.88, -87.63), ("Evanston", "US", 42.05, -87.69),
        ("New York", "US", 40.71, -74.01), ("London", "GB", 51.51, -0.13), ("Berlin", "DE", 52.52, 13.40), ("Singapore", "SG", 1.35, 103.82),
    ];

    private readonly WorkSightsApp app = new();
    private readonly List<string> blocked = [];

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task StreamReceivesANewItemLiveAndLoadsMoreAndTheMapDrawsPinsOffline()
    {
        await using var browser = await BrowserSession.StartAsync("activity-stream-map");
        var page = browser.Page;
        await page.Context.RouteAsync("**/*", async route =>
        {
            var host = new Uri(route.Request.Url).Host;
            if (host is "localhost" or "127.0.0.1" or "[::1]")
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (blocked)
                {
                    blocked.Add(route.Request.Url);
                }

                await route.AbortAsync();
            }
        });
        await BrowserJourney.SignUpAndAcceptAsync(page, app.BaseAddress, SandboxTenants.Fabrikam.AdminEmail);
        var people = await SeedAsync(itemsPerPerson: 5);

        await page.GotoAsync(new Uri(app.BaseAddress, $"/Activities/Stream?date={DayText}").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Activity Stream");
        var items = page.Locator("[data-stream-list] > li");
        await Assertions.Expect(items).ToHaveCountAsync(50);
        await Assertions.Expect(page.Locator("[data-stream-list]")).ToHaveAttributeAsync("data-connected", "true");
        await Assertions.Expect(page.Locator("[data-places-map]")).ToHaveAttributeAsync("data-ready", "true");

        var live = await StoreAsync(people[0], Noon.AddHours(3));
        var arrived = page.Locator($"[data-stream-list] > li[data-id='{live:N}']");
        await Assertions.Expect(arrived).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal(live.ToString("N"), await items.First.GetAttributeAsync("data-id"));
        await Assertions.Expect(page.Locator("[data-stream-announcer]")).ToHaveTextAsync("1 new item");
        await browser.ScreenshotAsync("1280-stream-live");
        await browser.AssertAccessibleAsync();

        // The live item's name (a link its script made) narrows the stream to that person; the chip's × widens it again.
        await arrived.Locator(".stream-person").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"person={people[0].Id}"));
        await Assertions.Expect(items).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("[data-person-filter]")).ToContainTextAsync($"Only {people[0].DisplayName}");
        await Assertions.Expect(page.Locator("[data-places] [data-pin]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-places-map]")).ToHaveAttributeAsync("data-ready", "true");
        // One pin is drawn where the view is centred on it (a cluster group added before the view jumped left it behind).
        var mapBox = await page.Locator("[data-places-map]").BoundingBoxAsync();
        var pinBox = await page.Locator(".leaflet-marker-pane .leaflet-marker-icon").BoundingBoxAsync();
        Assert.NotNull(mapBox);
        Assert.NotNull(pinBox);
        Assert.InRange(pinBox.X + (pinBox.Width / 2) - (mapBox.X + (mapBox.Width / 2)), -20, 20);
        Assert.InRange(pinBox.Y + (pinBox.Height / 2) - (mapBox.Y + (mapBox.Height / 2)), -20, 20);
        await browser.ScreenshotAsync("1280-stream-person");
        await browser.AssertAccessibleAsync();
        await page.Locator("[data-person-filter] a").ClickAsync();
        await Assertions.Expect(items).ToHaveCountAsync(50);
        await Assertions.Expect(page.Locator("[data-person-filter]")).ToHaveCountAsync(0);

        await page.ClickAsync("[data-load-more]");
        await Assertions.Expect(items).ToHaveCountAsync((people.Count * 5) + 1);
        await Assertions.Expect(page.Locator(".stream-end")).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, $"/Activities/Map?date={DayText}").ToString());
        var map = page.Locator("[data-places-map]");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-ready", "true");
        Assert.Equal(people.Count.ToString(CultureInfo.InvariantCulture), await map.GetAttributeAsync("data-pins"));
        Assert.Null(await map.GetAttributeAsync("data-world-missing"));
        Assert.True(await page.Locator(".leaflet-overlay-pane path").CountAsync() > 0, "the countries are not drawn");
        Assert.True(await page.Locator(".leaflet-marker-pane .leaflet-marker-icon").CountAsync() > 0, "no pin or cluster is drawn");
        Assert.True(await page.Locator(".marker-cluster").CountAsync() > 0, "the people of one city are not clustered");
        await page.Locator(".leaflet-marker-pane .map-pin").First.ClickAsync();
        await Assertions.Expect(page.Locator(".leaflet-popup-content")).ToContainTextAsync("from here");
        await Assertions.Expect(page.Locator("[data-places] [data-pin]")).ToHaveCountAsync(people.Count);
        await browser.ScreenshotAsync("1280-map");
        await browser.AssertAccessibleAsync();

        await page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/Activities/Stream", "/Activities/Map" })
        {
            await page.GotoAsync(new Uri(app.BaseAddress, $"{path}?date={DayText}").ToString());
            await Assertions.Expect(page.Locator("[data-places-map]")).ToHaveAttributeAsync("data-ready", "true");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways at 390 px");
            await browser.ScreenshotAsync("390-" + path.Split('/')[^1].ToLowerInvariant());
            await browser.AssertAccessibleAsync();
        }

        Assert.Empty(blocked);
    }

    private async Task<List<Person>> SeedAsync(int itemsPerPerson) =>
        await app.InWorkspaceAsync(SandboxTenants.Fabrikam.TenantId, async db =>
        {
            var people = await db.People.AsNoTracking().Where(p => p.Status == PersonStatus.Active).OrderBy(p => p.DisplayName).ToListAsync();
            for (var p = 0; p < people.Count; p++)
            {
                var (city, country, lat, lon) = Cities[p % Cities.Length];
                for (var i = 0; i < itemsPerPerson; i++)
                {
                    var kind = (ActivityKind)(1 + ((p + i) % 8));
                    db.Activities.Add(Activity.Record(
                        new ActivityRecord(people[p].TenantId, people[p].Id, kind, kind == ActivityKind.SignIn ? ActivitySource.EntraId : ActivitySource.Outlook,
                            Noon.AddMinutes(-(7 * i) - p), TimeSpan.FromMinutes(5 * (i + 1)), null, 1, i % 3 == 0, $"seed-{people[p].Id}-{i}")
                        {
                            Location = new ActivityLocation(city, null, country, lat, lon),
                        },
                        DateTimeOffset.UtcNow.AddHours(-1)));
                }
            }

            return people;
        });

    /// <summary>Stores an item as a sync page does (the same save) and announces it, as the page writers do.</summary>
    private async Task<Guid> StoreAsync(Person person, DateTimeOffset at)
    {
        var syncedAt = DateTimeOffset.UtcNow;
        var activity = Activity.Record(
            new ActivityRecord(person.TenantId, person.Id, ActivityKind.Meeting, ActivitySource.OutlookCalendar, at, TimeSpan.FromMinutes(30), null, 3, true, $"live-{Guid.NewGuid()}")
            {
                Location = new ActivityLocation("Chicago", null, "US", 41.88, -87.63),
            },
            syncedAt);
        await app.InWorkspaceAsync(SandboxTenants.Fabrikam.TenantId, async db =>
        {
            await db.SaveChangesWithAsync([activity], CancellationToken.None);
            return true;
        });
        app.Services.GetRequiredService<ActivityArrivals>().Announce(person.TenantId, [person.Id], syncedAt);
        return activity.Id;
    }
}
