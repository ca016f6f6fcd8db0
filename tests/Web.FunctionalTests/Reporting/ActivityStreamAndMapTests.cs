using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Ingestion.Arrivals;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Reporting;

/// <summary>Who sees which items on the Activity Stream, its live events and the Map: the role matrix of issue 11, item 9.</summary>
public sealed partial class ActivityStreamAndMapTests : FunctionalTest
{
    private static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
    private static readonly DateTimeOffset Noon = new(Day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    private static readonly string DayText = Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Never redirected: a stream refused after sign-out shows as the redirect itself.</summary>
    private static readonly HttpClient Http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = Timeout.InfiniteTimeSpan };

    public ActivityStreamAndMapTests()
        : base(new WorkSightsApp { Settings = new Dictionary<string, string> { ["ActivityStream:HeartbeatSeconds"] = "0.5" } })
    {
    }

    private sealed record Seeded(SignUpJourney Owner, Dictionary<string, Person> PeopleByEmail, Dictionary<Guid, string> ActivityOwner);

    [Fact]
    public async Task StreamAndMapShowEachRoleOnlyThePeopleItMaySee()
    {
        var seeded = await SeedFabrikamAsync();
        var head = seeded.PeopleByEmail.Values.Single(p => p.JobTitle == "Head of Sales");
        var lena = seeded.PeopleByEmail[SandboxTenants.Fabrikam.MemberEmail];
        // Fabrikam's teams are too small for leads: an engineer is moved under Lena, who reports to the head of sales.
        var indirect = seeded.PeopleByEmail.Values.First(p => p.JobTitle == "Software Engineer");
        await App.ChangePersonAsync(SandboxTenants.Fabrikam.TenantId, indirect.Email, p =>
            p.ApplyDirectoryProfile(new DirectoryProfile(p.Email, p.DisplayName, p.Department, p.JobTitle, lena.ExternalId), DateTimeOffset.UtcNow));
        Assert.Equal(head.ExternalId, lena.ManagerExternalId);
        var member = await SignInWithRoleAsync(SandboxTenants.Fabrikam.TenantId, SandboxTenants.Fabrikam.MemberEmail, PersonRole.Member);
        var manager = await SignInWithRoleAsync(SandboxTenants.Fabrikam.TenantId, head.Email, PersonRole.Manager);
        var engineer = seeded.PeopleByEmail.Values.Last(p => p.JobTitle == "Software Engineer");
        var technicalAdmin = await SignInWithRoleAsync(SandboxTenants.Fabrikam.TenantId, engineer.Email, PersonRole.TechnicalAdmin);

        var everyone = seeded.ActivityOwner.Keys.ToHashSet();
        Assert.Equal(everyone, await StreamIdsAsync(seeded.Owner));
        Assert.Equal(seeded.PeopleByEmail.Values.Select(p => p.DisplayName).Order(), await PinNamesAsync(seeded.Owner));

        Assert.Equal([lena.Email], (await StreamIdsAsync(member)).Select(id => seeded.ActivityOwner[id]));
        Assert.Equal([lena.DisplayName], await PinNamesAsync(member));

        var managersView = (await StreamIdsAsync(manager)).Select(id => seeded.PeopleByEmail[seeded.ActivityOwner[id]]).ToList();
        Assert.Contains(managersView, p => p.Id == lena.Id);
        Assert.Contains(managersView, p => p.Id == indirect.Id);
        Assert.Contains(managersView, p => p.Id == head.Id);
        Assert.All(managersView.Where(p => p.Id != indirect.Id), p => Assert.Equal("Sales", p.Department));
        Assert.Equal(managersView.Select(p => p.DisplayName).Order(), await PinNamesAsync(manager));

        foreach (var path in new[] { "/Activities/Stream", "/Activities/Map", "/Activities/Stream/events" })
        {
            var denied = await technicalAdmin.Browser.GetAsync(technicalAdmin.At($"{path}?date={DayText}"));
            Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
            Assert.DoesNotContain("data-id=", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnotherWorkspaceSeesNoneOfTheseItems()
    {
        var seeded = await SeedFabrikamAsync();
        var contoso = NewBrowser();
        await contoso.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);

        Assert.Empty((await StreamIdsAsync(contoso)).Intersect(seeded.ActivityOwner.Keys));
        var map = await (await contoso.Browser.GetAsync(contoso.At($"/Activities/Map?date={DayText}"))).Content.ReadAsStringAsync();
        Assert.DoesNotContain(seeded.PeopleByEmail[SandboxTenants.Fabrikam.MemberEmail].DisplayName, map, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadMoreLinkWalksThePagesWithoutJavaScript()
    {
        var seeded = await SeedFabrikamAsync(extraPerPerson: 5);
        var seen = new List<Guid>();
        var url = seeded.Owner.At($"/Activities/Stream?date={DayText}");
        for (var pages = 0; pages < 10; pages++)
        {
            var html = await (await seeded.Owner.Browser.GetAsync(url)).Content.ReadAsStringAsync();
            seen.AddRange(ReportingMarkup.ActivityIds(html));
            var more = LoadMore().Match(html);
            if (!more.Success)
            {
                break;
            }

            url = new Uri(url, WebUtility.HtmlDecode(more.Groups[1].Value));
        }

        Assert.Equal(seeded.ActivityOwner.Count, seen.Count);
        Assert.Equal(seeded.ActivityOwner.Keys.Order(), seen.Order());
    }

    [Fact]
    public async Task StreamAndMapNarrowToThePersonWhoseNameIsFollowedAndNotToSomeoneOutOfSight()
    {
        var seeded = await SeedFabrikamAsync();
        var lena = seeded.PeopleByEmail[SandboxTenants.Fabrikam.MemberEmail];
        var head = seeded.PeopleByEmail.Values.Single(p => p.JobTitle == "Head of Sales");
        var outsider = seeded.PeopleByEmail.Values.First(p => p.Department != "Sales");
        var manager = await SignInWithRoleAsync(SandboxTenants.Fabrikam.TenantId, head.Email, PersonRole.Manager);

        var stream = await (await seeded.Owner.Browser.GetAsync(seeded.Owner.At($"/Activities/Stream?date={DayText}"))).Content.ReadAsStringAsync();
        var link = WebUtility.HtmlDecode(Regex.Match(stream, $"<a class=\"stream-person\" href=\"([^\"]*person={lena.Id}[^\"]*)\"").Groups[1].Value);
        Assert.NotEmpty(link);
        var lenasStream = await (await seeded.Owner.Browser.GetAsync(seeded.Owner.At(link))).Content.ReadAsStringAsync();
        var lenasMap = await (await seeded.Owner.Browser.GetAsync(seeded.Owner.At($"/Activities/Map?date={DayText}&person={lena.Id}"))).Content.ReadAsStringAsync();
        var outsiderForManager = await (await manager.Browser.GetAsync(manager.At($"/Activities/Stream?date={DayText}&person={outsider.Id}"))).Content.ReadAsStringAsync();

        Assert.Equal(seeded.ActivityOwner.Where(o => o.Value == lena.Email).Select(o => o.Key).Order(), ReportingMarkup.ActivityIds(lenasStream).Order());
        Assert.Contains($"Only {lena.DisplayName}", WebUtility.HtmlDecode(lenasStream), StringComparison.Ordinal);
        Assert.Contains($"name=\"person\" value=\"{lena.Id}\"", lenasStream, StringComparison.Ordinal);
        Assert.Equal([lena.DisplayName], ReportingMarkup.PinNames(lenasMap));
        Assert.Contains("The person in the address is not one you can see", WebUtility.HtmlDecode(outsiderForManager), StringComparison.Ordinal);
        Assert.DoesNotContain(outsider.DisplayName, WebUtility.HtmlDecode(outsiderForManager), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("date=03-12-2026", "not a date like 2026-12-03")]
    [InlineData("category=sleeping", "category in the address is not one WorkSights knows")]
    [InlineData("service=fax", "service in the address is not one WorkSights knows")]
    [InlineData("manager=boss", "manager in the address is not one WorkSights knows")]
    [InlineData("after=somewhere", "position to continue from")]
    [InlineData("person=lena", "person in the address is not one WorkSights knows")]
    [InlineData("person=0d2c8f4e-5b6a-4c3d-9e8f-7a6b5c4d3e2f", "The person in the address is not one you can see; showing everyone.")]
    [InlineData("date=2999-01-01", "has not happened yet")]
    public async Task BadValuesInTheAddressGiveAReadableMessage(string query, string message)
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);

        foreach (var path in query.StartsWith("after", StringComparison.Ordinal) ? new[] { "/Activities/Stream" } : ["/Activities/Stream", "/Activities/Map"])
        {
            var response = await owner.Browser.GetAsync(owner.At($"{path}?{query}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EventsPushNewItemsOfVisiblePeopleOnlyWithHeartbeatsAndResumeAfterLastEventId()
    {
        var seeded = await SeedFabrikamAsync();
        var lena = seeded.PeopleByEmail[SandboxTenants.Fabrikam.MemberEmail];
        var other = seeded.PeopleByEmail.Values.First(p => p.Id != lena.Id);
        var member = await SignInWithRoleAsync(SandboxTenants.Fabrikam.TenantId, lena.Email, PersonRole.Member);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        string lastEventId;
        Guid first;
        using (var events = await OpenEventsAsync(member, null, timeout.Token))
        {
            Assert.Equal("text/event-stream", events.Response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(": heartbeat", await events.ReadUntilAsync(": heartbeat", timeout.Token), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotAcceptable, (await member.Browser.GetAsync(member.At($"/Activities/Stream/events?date={DayText}"))).StatusCode);

            first = await StoreAsync(lena, Noon.AddHours(1));
            await StoreAsync(other, Noon.AddHours(1));
            var received = await events.ReadUntilAsync("event: activities", timeout.Token);
            var data = await events.ReadUntilAsync("data: ", timeout.Token);
            lastEventId = Regex.Match(received, "id: (\\S+)").Groups[1].Value;
            Assert.Contains(first.ToString("N"), data, StringComparison.Ordinal);
            Assert.DoesNotContain(other.DisplayName, data, StringComparison.Ordinal);
        }

        var missed = await StoreAsync(lena, Noon.AddHours(2));
        using (var resumed = await OpenEventsAsync(member, lastEventId, timeout.Token))
        {
            await resumed.ReadUntilAsync("event: activities", timeout.Token);
            var data = await resumed.ReadUntilAsync("data: ", timeout.Token);
            Assert.Contains(missed.ToString("N"), data, StringComparison.Ordinal);
            Assert.DoesNotContain(first.ToString("N"), data, StringComparison.Ordinal);
        }
    }

    private async Task<Seeded> SeedFabrikamAsync(int extraPerPerson = 0)
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        var owners = new Dictionary<Guid, string>();
        var people = await App.InWorkspaceAsync(SandboxTenants.Fabrikam.TenantId, async db =>
        {
            var everyone = await db.People.AsNoTracking().Where(p => p.Status == PersonStatus.Active).ToListAsync();
            foreach (var person in everyone)
            {
                for (var i = 0; i <= extraPerPerson; i++)
                {
                    var activity = Activity.Record(
                        new ActivityRecord(person.TenantId, person.Id, ActivityKind.SignIn, ActivitySource.EntraId, Noon.AddMinutes(-i), TimeSpan.Zero, null, 0, false, $"seed-{person.Id}-{i}")
                        {
                            Location = new ActivityLocation("Chicago", "Illinois", "US", 41.88, -87.63),
                        },
                        DateTimeOffset.UtcNow.AddHours(-1));
                    db.Activities.Add(activity);
                    owners[activity.Id] = person.Email;
                }
            }

            return everyone.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        });
        return new Seeded(owner, people, owners);
    }

    /// <summary>Stores an item as a sync page does and announces it, as the page writers do.</summary>
    private async Task<Guid> StoreAsync(Person person, DateTimeOffset at)
    {
        var syncedAt = DateTimeOffset.UtcNow;
        var activity = Activity.Record(
            new ActivityRecord(person.TenantId, person.Id, ActivityKind.EmailSent, ActivitySource.Outlook, at, TimeSpan.FromMinutes(5), null, 1, false, $"live-{Guid.NewGuid()}"),
            syncedAt);
        await App.InWorkspaceAsync(SandboxTenants.Fabrikam.TenantId, async db =>
        {
            await db.SaveChangesWithAsync([activity], CancellationToken.None);
            return true;
        });
        App.Services.GetRequiredService<ActivityArrivals>().Announce(person.TenantId, [person.Id], syncedAt);
        return activity.Id;
    }


    private static async Task<HashSet<Guid>> StreamIdsAsync(SignUpJourney browser)
    {
        var response = await browser.Browser.GetAsync(browser.At($"/Activities/Stream?date={DayText}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ReportingMarkup.ActivityIds(await response.Content.ReadAsStringAsync()).ToHashSet();
    }

    private static async Task<List<string>> PinNamesAsync(SignUpJourney browser)
    {
        var response = await browser.Browser.GetAsync(browser.At($"/Activities/Map?date={DayText}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ReportingMarkup.PinNames(await response.Content.ReadAsStringAsync()).Order().ToList();
    }

    internal static async Task<EventReader> OpenEventsAsync(SignUpJourney browser, string? lastEventId, CancellationToken cancellationToken)
    {
        var response = await SendEventsRequestAsync(browser, lastEventId, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new EventReader(response, new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken)));
    }

    internal static async Task<HttpResponseMessage> SendEventsRequestAsync(SignUpJourney browser, string? lastEventId, CancellationToken cancellationToken)
    {
        var url = browser.At($"/Activities/Stream/events?date={DayText}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", browser.Browser.CookieHeader(url));
        request.Headers.Add("Accept", "text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        return await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    internal sealed class EventReader(HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        public HttpResponseMessage Response => response;

        /// <summary>Reads lines until one starts with <paramref name="prefix"/>; returns everything read, that line included.</summary>
        public async Task<string> ReadUntilAsync(string prefix, CancellationToken cancellationToken)
        {
            var read = new System.Text.StringBuilder();
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                read.AppendLine(line);
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return read.ToString();
                }
            }

            throw new InvalidOperationException($"The stream ended before '{prefix}': {read}");
        }

        /// <summary>Everything left until the server ends the stream.</summary>
        public Task<string> ReadToEndAsync(CancellationToken cancellationToken) => reader.ReadToEndAsync(cancellationToken);

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
        }
    }


    [GeneratedRegex("href=\"([^\"]+)\" data-load-more")]
    private static partial Regex LoadMore();
}
