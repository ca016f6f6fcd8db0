using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Reporting.GetActivityStream;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.FunctionalTests.Reporting;

/// <summary>
/// Issue 11's role matrix: every reporting page and endpoint (found in the app's endpoint metadata) × every role and
/// signed out → everyone / filtered to the viewer's scope / 404 for a person outside it / the 403 page / the sign-in page.
/// </summary>
public sealed class ReportingRoleMatrixTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    private static readonly DateOnly Day = ReportingSeed.LastWorkDay();

    private static readonly string DayText = Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Who may open a row: every role that reads activity, or only the Owner and Executives.</summary>
    private enum Audience
    {
        Analytics,
        Executive,
    }

    /// <summary>What a viewer allowed on the row sees of the seeded people.</summary>
    private enum Reach
    {
        /// <summary>The viewer's scope: everyone for Owner and Executive, the reporting tree for a Manager, self for a Member.</summary>
        Scope,

        /// <summary>Only the viewer's own days, whatever the role.</summary>
        Self,

        /// <summary>A live connection: allowed or not; what it pushes is checked by <see cref="ActivityStreamAndMapTests"/>.</summary>
        Connection,
    }

    /// <summary>One reporting page or endpoint: its key in the endpoint metadata, who may open it and how to read who it shows.</summary>
    private sealed record Row(string Endpoint, string Path, Audience Audience, Reach Reach, Func<Matrix, string, HashSet<Guid>>? Shown = null);

    private sealed record Viewer(string Name, PersonRole? Role, SignUpJourney? Browser, Guid? Self);

    /// <summary>The seeded Fabrikam: a manager, his direct and indirect report, the Owner outside that tree, a person of another workspace.</summary>
    private sealed record Matrix(
        Guid Owner,
        Guid Manager,
        Guid Direct,
        Guid Indirect,
        Guid OtherWorkspacePerson,
        Dictionary<string, Guid> IdsByName,
        Dictionary<Guid, Guid> PersonOfActivity)
    {
        public HashSet<Guid> Seeded => [Owner, Manager, Direct, Indirect];

        public HashSet<Guid> ScopeOf(PersonRole role, Guid self) => role switch
        {
            PersonRole.Owner or PersonRole.Executive => Seeded,
            PersonRole.Manager => [Manager, Direct, Indirect],
            _ => [self],
        };
    }

    private static readonly Row[] Rows =
    [
        new("/Dashboard", $"/Dashboard?date={DayText}", Audience.Analytics, Reach.Scope, (m, html) => ReportingMarkup.PersonRowIds(html)),
        new("/Overviews/My", $"/Overviews/My?to={DayText}", Audience.Analytics, Reach.Self),
        new("/Overviews/Executive", "/Overviews/Executive", Audience.Executive, Reach.Scope),
        new("/Reports/ScoreReport", $"/Reports/ScoreReport?date={DayText}", Audience.Executive, Reach.Scope, (m, html) => ReportingMarkup.PersonRowIds(html)),
        new("/Reports/ScoreReport?handler=Csv", $"/Reports/ScoreReport?date={DayText}&handler=csv", Audience.Executive, Reach.Scope, (m, csv) => NamesIn(m, csv)),
        new("/Activities/Stream", $"/Activities/Stream?date={DayText}", Audience.Analytics, Reach.Scope, (m, html) => StreamPeople(m, html)),
        new("/Activities/Stream", $"/Activities/Stream?date={DayText}&after={new StreamCursor(new DateTimeOffset(Day.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), Guid.Empty)}", Audience.Analytics, Reach.Scope, (m, html) => StreamPeople(m, html)),
        new("/Activities/Stream/events", $"/Activities/Stream/events?date={DayText}", Audience.Analytics, Reach.Connection),
        new("/Activities/Map", $"/Activities/Map?date={DayText}", Audience.Analytics, Reach.Scope, (m, html) => ReportingMarkup.PinNames(html).Select(name => m.IdsByName[name]).ToHashSet()),
        new("/Activities/Detail", "/Activities/Detail/{person}?date=" + DayText, Audience.Analytics, Reach.Scope),
        new("/api/v1/reports/scores", $"/api/v1/reports/scores?day={DayText}&pageSize=500", Audience.Executive, Reach.Scope, (m, json) => NamesIn(m, json)),
    ];

    public ReportingRoleMatrixTests()
        : base(new WorkSightsApp())
    {
    }

    [Fact]
    public async Task EveryReportingPageAndEndpointOfTheAppHasARow()
    {
        var sources = App.Services.GetRequiredService<EndpointDataSource>();
        var loader = App.Services.GetRequiredService<PageLoader>();
        var reporting = new HashSet<string>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            // The Score Report's API is read by Owner and Executive sessions and by API keys that read reports.
            if (!policies.Contains(Policies.Analytics) && !policies.Contains(Policies.Executive) && !policies.Contains(Policies.ScoreReportRead))
            {
                continue;
            }

            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    if (string.Equals(handler.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase))
                    {
                        reporting.Add(handler.Name is null ? page.ViewEnginePath : $"{page.ViewEnginePath}?handler={handler.Name}");
                    }
                }
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            {
                reporting.Add("/" + endpoint.RoutePattern.RawText!.TrimStart('/'));
            }
        }

        Assert.Equal(reporting.Order(), Rows.Select(r => r.Endpoint).Distinct().Order());
    }

    [Fact]
    public async Task EveryRoleSeesEachReportingPageAsItsRowSays()
    {
        var (matrix, viewers) = await SeedAsync();

        foreach (var viewer in viewers)
        {
            foreach (var row in Rows)
            {
                foreach (var (target, path) in Targets(row, matrix, viewer))
                {
                    var because = $"{viewer.Name} on {path}";
                    using var response = await SendAsync(viewer, row, path);
                    var body = await BodyAsync(row, response);
                    var api = row.Path.StartsWith("/api/", StringComparison.Ordinal);
                    if (viewer.Role is not { } role)
                    {
                        Assert.True(
                            api ? response.StatusCode == HttpStatusCode.Unauthorized : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Login", StringComparison.Ordinal),
                            $"{because} answered {(int)response.StatusCode} {response.Headers.Location}");
                        continue;
                    }

                    if (!Allows(row.Audience, role))
                    {
                        if (api)
                        {
                            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{because} answered {(int)response.StatusCode}");
                            Assert.DoesNotContain("Quarterly planning", body, StringComparison.Ordinal);
                        }
                        else
                        {
                            await AssertForbiddenAsync(viewer, response, because);
                        }

                        continue;
                    }

                    if (target is { } person)
                    {
                        var expected = matrix.ScopeOf(role, viewer.Self!.Value).Contains(person);
                        Assert.True(response.StatusCode == (expected ? HttpStatusCode.OK : HttpStatusCode.NotFound), $"{because} answered {(int)response.StatusCode}");
                        if (expected)
                        {
                            Assert.Contains("4 h 05 m", body, StringComparison.Ordinal);
                        }

                        continue;
                    }

                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{because} answered {(int)response.StatusCode}");
                    switch (row.Reach)
                    {
                        case Reach.Connection:
                            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
                            break;
                        case Reach.Self:
                            Assert.Equal(matrix.Seeded.Contains(viewer.Self!.Value), body.Contains("4 h 05 m", StringComparison.Ordinal));
                            AssertNamesAbsent(matrix, body, matrix.Seeded.Except([viewer.Self!.Value]), because);
                            break;
                        case Reach.Scope when row.Shown is { } shown:
                            Assert.True(matrix.ScopeOf(role, viewer.Self!.Value).Intersect(matrix.Seeded).ToHashSet().SetEquals(shown(matrix, body).Intersect(matrix.Seeded)), $"{because} showed the wrong people");
                            Assert.DoesNotContain(matrix.OtherWorkspacePerson, shown(matrix, body));
                            break;
                        case Reach.Scope:
                            AssertNamesAbsent(matrix, body, matrix.Seeded.Except(matrix.ScopeOf(role, viewer.Self!.Value)), because);
                            break;
                    }
                }
            }
        }
    }

    [Fact]
    public async Task WithScoreVisibilityOffAMemberSeesActivityButNoScoreOnAnyPage()
    {
        var (matrix, viewers) = await SeedAsync();
        await App.InWorkspaceAsync(Fabrikam.TenantId, async db =>
        {
            (await db.Tenants.SingleAsync(t => t.ExternalTenantId == Fabrikam.TenantId.ToLowerInvariant())).ShowScoresToMembers(false);
            return true;
        });
        var member = viewers.Single(v => v.Role == PersonRole.Member);
        var manager = viewers.Single(v => v.Role == PersonRole.Manager);

        foreach (var row in Rows.Where(r => r.Audience == Audience.Analytics && r.Reach != Reach.Connection))
        {
            foreach (var (_, path) in Targets(row, matrix, member).Where(t => t.Target is null || t.Target == member.Self))
            {
                var response = await SendAsync(member, row, path);
                var html = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
                Assert.DoesNotContain("score-chip", html, StringComparison.Ordinal);
                Assert.DoesNotContain("Below target", html, StringComparison.Ordinal);
                Assert.DoesNotContain(">64<", html, StringComparison.Ordinal);
                if (row.Shown is { } shown)
                {
                    Assert.Equal([member.Self!.Value], shown(matrix, html).Intersect(matrix.Seeded));
                }
            }
        }

        // Hiding scores from Members leaves a Manager's view as it was.
        var dashboard = await (await manager.Browser!.Browser.GetAsync(manager.Browser.At($"/Dashboard?date={DayText}"))).Content.ReadAsStringAsync();
        Assert.Contains("score-chip", dashboard, StringComparison.Ordinal);
    }

    private static bool Allows(Audience audience, PersonRole role) => audience switch
    {
        Audience.Analytics => role is not PersonRole.TechnicalAdmin,
        _ => role is PersonRole.Owner or PersonRole.Executive,
    };

    /// <summary>Activity Detail is opened for each kind of person; every other row once.</summary>
    private static IEnumerable<(Guid? Target, string Path)> Targets(Row row, Matrix matrix, Viewer viewer)
    {
        if (!row.Path.Contains("{person}", StringComparison.Ordinal))
        {
            return [(null, row.Path)];
        }

        Guid[] targets = [matrix.Owner, matrix.Manager, matrix.Direct, matrix.Indirect, matrix.OtherWorkspacePerson];
        return targets.Select(t => ((Guid?)t, row.Path.Replace("{person}", t.ToString(), StringComparison.Ordinal)));
    }

    private static async Task<HttpResponseMessage> SendAsync(Viewer viewer, Row row, string path)
    {
        var browser = viewer.Browser ?? throw new InvalidOperationException("Every viewer has a browser.");
        if (row.Reach != Reach.Connection)
        {
            return await browser.Browser.GetAsync(browser.At(path));
        }

        // An EventSource: the answer's headers are enough, the stream itself never ends.
        var url = browser.At(path);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (browser.Browser.CookieHeader(url) is { Length: > 0 } cookies)
        {
            request.Headers.Add("Cookie", cookies);
        }

        request.Headers.Add("Accept", "text/event-stream");
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static async Task<string> BodyAsync(Row row, HttpResponseMessage response) =>
        row.Reach == Reach.Connection && response.StatusCode == HttpStatusCode.OK ? string.Empty : await response.Content.ReadAsStringAsync();

    private static async Task AssertForbiddenAsync(Viewer viewer, HttpResponseMessage response, string because)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Error/403", StringComparison.Ordinal), $"{because} answered {(int)response.StatusCode} {response.Headers.Location}");
        var denied = await viewer.Browser!.Browser.GetAsync(new Uri(viewer.Browser.At("/"), response.Headers.Location));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.DoesNotContain("Quarterly planning", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static void AssertNamesAbsent(Matrix matrix, string html, IEnumerable<Guid> hidden, string because)
    {
        foreach (var name in matrix.IdsByName.Where(p => hidden.Contains(p.Value)).Select(p => p.Key))
        {
            Assert.False(WebUtility.HtmlDecode(html).Contains(name, StringComparison.Ordinal), $"{because} named {name}");
        }
    }

    private async Task<(Matrix Matrix, List<Viewer> Viewers)> SeedAsync()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var contoso = NewBrowser();
        await contoso.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        var otherWorkspacePerson = await App.InWorkspaceAsync(SandboxTenants.Contoso.TenantId, db => db.People.Select(p => p.Id).FirstAsync());

        var people = await PeopleAsync();
        var head = people.Values.Single(p => p.JobTitle == "Head of Sales");
        var lena = people[Fabrikam.MemberEmail];
        Assert.Equal(head.ExternalId, lena.ManagerExternalId);
        // Fabrikam's teams are too small for leads: an engineer is moved under Lena, who reports to the head of sales.
        var indirect = people.Values.First(p => p.JobTitle == "Software Engineer");
        await App.ChangePersonAsync(Fabrikam.TenantId, indirect.Email, p =>
            p.ApplyDirectoryProfile(new DirectoryProfile(p.Email, p.DisplayName, p.Department, p.JobTitle, lena.ExternalId), DateTimeOffset.UtcNow));
        var admin = people[Fabrikam.AdminEmail];
        Assert.DoesNotContain(admin.Id, new[] { head.Id, lena.Id, indirect.Id });
        var others = people.Values.Where(p => p.Id != admin.Id && p.Id != head.Id && p.Id != lena.Id && p.Id != indirect.Id && p.JobTitle != "Head of Sales").ToList();
        var executive = others[0];
        var technicalAdmin = others[1];
        foreach (var person in new[] { admin, head, lena, indirect })
        {
            await App.SeedTypicalDayAsync(Fabrikam.TenantId, person.Email, Day);
        }

        var activities = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.Activities.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.PersonId));
        var matrix = new Matrix(admin.Id, head.Id, lena.Id, indirect.Id, otherWorkspacePerson, people.Values.ToDictionary(p => p.DisplayName, p => p.Id), activities);
        List<Viewer> viewers =
        [
            new("Owner", PersonRole.Owner, owner, admin.Id),
            new("Executive", PersonRole.Executive, await SignInWithRoleAsync(Fabrikam.TenantId, executive.Email, PersonRole.Executive), executive.Id),
            new("Manager", PersonRole.Manager, await SignInWithRoleAsync(Fabrikam.TenantId, head.Email, PersonRole.Manager), head.Id),
            new("Member", PersonRole.Member, await SignInWithRoleAsync(Fabrikam.TenantId, lena.Email, PersonRole.Member), lena.Id),
            new("Technical Admin", PersonRole.TechnicalAdmin, await SignInWithRoleAsync(Fabrikam.TenantId, technicalAdmin.Email, PersonRole.TechnicalAdmin), technicalAdmin.Id),
            new("Signed out", null, NewBrowser(), null),
        ];
        return (matrix, viewers);
    }

    private async Task<Dictionary<string, Person>> PeopleAsync() =>
        await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.AsNoTracking().ToDictionaryAsync(p => p.Email));


    private static HashSet<Guid> StreamPeople(Matrix matrix, string html) =>
        ReportingMarkup.ActivityIds(html).Select(id => matrix.PersonOfActivity[id]).ToHashSet();

    private static HashSet<Guid> NamesIn(Matrix matrix, string text) =>
        matrix.IdsByName.Where(p => text.Contains(p.Key, StringComparison.Ordinal)).Select(p => p.Value).ToHashSet();
}
