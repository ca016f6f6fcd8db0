using System.Net;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>
/// Issue 12's authorization matrix: every page handler and endpoint of the app, found in its endpoint metadata, × every
/// role and signed out. A route the table does not name fails the first test, so a new route cannot ship without a
/// rule. Reads (GET) a role may not open redirect to the 403 page (an API answers 403); a role that may open it is let
/// through to the page, whatever the page then answers; signed out, the pages send to sign-in and the API answers 401.
/// Posts without an antiforgery token are refused with 400 once authorization lets them through.
/// </summary>
public sealed class AuthorizationMatrixTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    /// <summary>Who a route is for.</summary>
    private enum Audience
    {
        /// <summary>Anyone, signed in or not.</summary>
        Anyone,

        /// <summary>Anyone the identity provider proved, with or without a workspace role (sign-up and consent).</summary>
        SignedIn,

        /// <summary>Every role of a workspace.</summary>
        Workspace,

        /// <summary>Owner and Technical Admin.</summary>
        Administration,

        Owner,

        /// <summary>Every role that reads activity: all but the Technical Admin.</summary>
        Analytics,

        /// <summary>Owner and Executive.</summary>
        Executive,
    }

    private sealed record Viewer(string Name, PersonRole? Role, SignUpJourney Browser);

    /// <summary>Each route as "METHOD /route?handler=Name", and who it is for.</summary>
    private static readonly Dictionary<string, Audience> Rules = new(StringComparer.Ordinal)
    {
        ["GET /"] = Audience.Anyone,
        ["GET /Login"] = Audience.Anyone,
        ["POST /Login?handler=Microsoft"] = Audience.Anyone,
        ["GET /SignUp"] = Audience.Anyone,
        ["POST /SignUp?handler=Microsoft"] = Audience.Anyone,
        ["GET /Logout"] = Audience.Anyone,
        ["POST /Logout"] = Audience.Anyone,
        ["GET /Error/{code:int:range(400,599)}"] = Audience.Anyone,
        ["GET /health"] = Audience.Anyone,

        ["GET /Onboarding/Connect"] = Audience.SignedIn,
        ["POST /Onboarding/Connect"] = Audience.SignedIn,
        ["GET /Onboarding/AdminRequired"] = Audience.SignedIn,
        ["GET /onboarding/consent/callback"] = Audience.SignedIn,
        ["GET /Onboarding/Ready"] = Audience.SignedIn,
        ["GET /Onboarding/AccountSetup"] = Audience.Owner,
        ["POST /Onboarding/AccountSetup"] = Audience.Owner,

        ["GET /Dashboard"] = Audience.Analytics,
        ["GET /Overviews/My"] = Audience.Analytics,
        ["GET /Overviews/Executive"] = Audience.Executive,
        ["GET /Reports/ScoreReport"] = Audience.Executive,
        ["GET /Reports/ScoreReport?handler=Csv"] = Audience.Executive,
        ["GET /Activities/Stream"] = Audience.Analytics,
        ["GET /Activities/Stream/events"] = Audience.Analytics,
        ["GET /Activities/Map"] = Audience.Analytics,
        ["GET /Activities/Detail/{person?}"] = Audience.Analytics,
        ["POST /Activities/Detail/{person?}?handler=Correct"] = Audience.Analytics,

        ["GET /Notifications"] = Audience.Workspace,
        ["GET /Notifications?handler=Count"] = Audience.Workspace,
        ["POST /Notifications?handler=Preferences"] = Audience.Workspace,
        ["GET /Settings/Personal"] = Audience.Workspace,
        ["POST /Settings/Personal?handler=Settings"] = Audience.Workspace,
        ["POST /Settings/Personal?handler=Custom"] = Audience.Workspace,
        ["POST /Settings/Personal?handler=RemoveCustom"] = Audience.Workspace,
        ["GET /Settings/MyData"] = Audience.Workspace,
        ["POST /Settings/MyData?handler=Download"] = Audience.Workspace,
        ["POST /Settings/MyData?handler=RequestErasure"] = Audience.Workspace,
        ["POST /Settings/MyData?handler=WithdrawErasure"] = Audience.Workspace,
        ["GET /Settings/WorkspaceData"] = Audience.Owner,
        ["POST /Settings/WorkspaceData?handler=Export"] = Audience.Owner,
        ["POST /Settings/WorkspaceData?handler=Delete"] = Audience.Owner,
        ["GET /Settings/Account"] = Audience.Owner,
        ["POST /Settings/Account?handler=Company"] = Audience.Owner,
        ["POST /Settings/Account?handler=Visibility"] = Audience.Owner,
        ["POST /Settings/Account?handler=Retention"] = Audience.Owner,
        ["POST /Settings/Account?handler=Privacy"] = Audience.Owner,
        ["GET /Settings/Audit"] = Audience.Administration,
        ["GET /Settings/ApiKeys"] = Audience.Administration,
        ["POST /Settings/ApiKeys?handler=Create"] = Audience.Administration,
        ["POST /Settings/ApiKeys?handler=Revoke"] = Audience.Administration,
        ["GET /Settings/Audit?handler=Csv"] = Audience.Administration,
        ["POST /Settings/Account?handler=Crediting"] = Audience.Owner,
        ["POST /Settings/Account?handler=ResetCrediting"] = Audience.Owner,
        ["POST /Settings/Account?handler=Thresholds"] = Audience.Owner,
        ["GET /Settings/Schedules"] = Audience.Owner,
        ["POST /Settings/Schedules?handler=Default"] = Audience.Owner,
        ["POST /Settings/Schedules?handler=DeleteNamed"] = Audience.Owner,
        ["POST /Settings/Schedules?handler=Holidays"] = Audience.Owner,
        ["POST /Settings/Schedules?handler=Named"] = Audience.Owner,
        ["GET /Settings/Services"] = Audience.Administration,
        ["POST /Settings/Services?handler=Connect"] = Audience.Administration,
        ["POST /Settings/Services?handler=Disconnect"] = Audience.Administration,
        ["POST /Settings/Services?handler=Feature"] = Audience.Administration,
        ["POST /Settings/Services?handler=SyncNow"] = Audience.Administration,
        ["GET /Settings/Users"] = Audience.Administration,
        ["GET /Settings/Users?handler=Managers"] = Audience.Administration,
        ["POST /Settings/Users?handler=Bulk"] = Audience.Administration,
        ["GET /Settings/Users/Provisioning"] = Audience.Administration,
        ["POST /Settings/Users/Provisioning?handler=Review"] = Audience.Administration,
        ["POST /Settings/Users/Provisioning?handler=Joiners"] = Audience.Administration,
        ["POST /Settings/Users/Provisioning?handler=ImportAnyway"] = Audience.Administration,
        ["POST /Settings/Users/Provisioning?handler=UndoImportAnyway"] = Audience.Administration,
        ["POST /Settings/Users/Provisioning?handler=ConvertedMailbox"] = Audience.Administration,
        ["GET /Settings/Users/{id:guid}"] = Audience.Administration,
        ["POST /Settings/Users/{id:guid}"] = Audience.Administration,
        ["POST /Settings/Users/{id:guid}?handler=Erase"] = Audience.Administration,
        ["GET /Settings/Users/{id:guid}/Schedule"] = Audience.Administration,
        ["POST /Settings/Users/{id:guid}/Schedule?handler=Settings"] = Audience.Administration,
        ["POST /Settings/Users/{id:guid}/Schedule?handler=Custom"] = Audience.Administration,
        ["POST /Settings/Users/{id:guid}/Schedule?handler=RemoveCustom"] = Audience.Administration,

        ["POST /api/v1/token"] = Audience.Anyone,
        ["GET /api/v1/workspace"] = Audience.Workspace,
        ["GET /api/v1/workspaces/{id:guid}"] = Audience.Workspace,
        ["GET /api/v1/people/"] = Audience.Administration,
        ["GET /api/v1/people/{id:guid}"] = Audience.Administration,
        ["PUT /api/v1/people/{id:guid}"] = Audience.Administration,
        ["POST /api/v1/people/changes"] = Audience.Administration,
        ["GET /api/v1/reports/scores"] = Audience.Executive,
    };

    public AuthorizationMatrixTests()
        : base(new WorkSightsApp())
    {
    }

    [Fact]
    public async Task EveryRouteOfTheAppHasARule()
    {
        var routes = (await AppRoute.DiscoverAsync(App)).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

        Assert.True(routes.Except(Rules.Keys).ToList() is [], $"routes without a rule: {string.Join(", ", routes.Except(Rules.Keys))}");
        Assert.True(Rules.Keys.Except(routes).ToList() is [], $"rules of no route: {string.Join(", ", Rules.Keys.Except(routes))}");
    }

    [Fact]
    public async Task EveryRoleAndSignedOutIsLetThroughOrTurnedAwayAsTheRuleSays()
    {
        var viewers = await ViewersAsync();
        var failures = new List<string>();
        foreach (var (route, audience) in Rules)
        {
            foreach (var viewer in viewers)
            {
                using var response = await SendAsync(viewer, route);
                var outcome = Describe(response);
                var expected = Expected(route, audience, viewer.Role);
                if (!string.Equals(outcome, expected, StringComparison.Ordinal))
                {
                    failures.Add($"{viewer.Name} on {route}: {outcome}, expected {expected} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool Allows(Audience audience, PersonRole? role) => audience switch
    {
        Audience.Anyone => true,
        Audience.SignedIn or Audience.Workspace => role is not null,
        Audience.Administration => role is PersonRole.Owner or PersonRole.TechnicalAdmin,
        Audience.Owner => role is PersonRole.Owner,
        Audience.Analytics => role is not null and not PersonRole.TechnicalAdmin,
        Audience.Executive => role is PersonRole.Owner or PersonRole.Executive,
        _ => false,
    };

    /// <summary>What the authorization layer should have done: "through", "csrf", "json-only", "sign-in" or "forbidden".</summary>
    private static string Expected(string route, Audience audience, PersonRole? role)
    {
        // The token endpoint takes RFC 6749's form from anyone and judges the client by its credentials, not by a session:
        // the matrix's form has no grant_type, so whoever sends it gets 400 invalid_request. TokenEndpointTests cover it.
        if (audience == Audience.Anyone && route.Contains(" /api/", StringComparison.Ordinal))
        {
            return "csrf";
        }

        // An API write takes JSON only, which no cross-site form can send: routing refuses the matrix's form post (415)
        // before authorization, whoever sends it. PeopleApiTests sends JSON as each kind of caller.
        if (route.Contains(" /api/", StringComparison.Ordinal) && !route.StartsWith("GET ", StringComparison.Ordinal))
        {
            return "json-only";
        }

        if (Allows(audience, role))
        {
            return route.StartsWith("POST ", StringComparison.Ordinal) ? "csrf" : "through";
        }

        return role is null ? "sign-in" : "forbidden";
    }

    private static string Describe(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return response.StatusCode switch
        {
            >= HttpStatusCode.InternalServerError => "error",
            HttpStatusCode.Unauthorized => "sign-in",
            HttpStatusCode.Forbidden => "forbidden",
            HttpStatusCode.BadRequest => "csrf",
            HttpStatusCode.UnsupportedMediaType => "json-only",
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Login", StringComparison.Ordinal) => "sign-in",
            HttpStatusCode.Redirect when location.Contains("/Error/403", StringComparison.Ordinal) => "forbidden",
            _ => "through",
        };
    }

    private static async Task<HttpResponseMessage> SendAsync(Viewer viewer, string route)
    {
        var method = new HttpMethod(route[..route.IndexOf(' ', StringComparison.Ordinal)]);
        var path = route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]
            .Replace("{code:int:range(400,599)}", "404", StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("/{person?}", string.Empty, StringComparison.Ordinal);
        var url = viewer.Browser.At(path);
        if (path.StartsWith("/Activities/Stream/events", StringComparison.Ordinal))
        {
            // An EventSource never ends: its answer's headers are enough.
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (viewer.Browser.Browser.CookieHeader(url) is { Length: > 0 } cookies)
            {
                request.Headers.Add("Cookie", cookies);
            }

            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        }

        return method == HttpMethod.Get
            ? await viewer.Browser.Browser.GetAsync(url)
            : await viewer.Browser.Browser.SendAsync(method, url, [new KeyValuePair<string, string>("field", "value")]);
    }

    private async Task<List<Viewer>> ViewersAsync()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var people = await App.InWorkspaceAsync(Fabrikam.TenantId, db => Task.FromResult(db.People.Where(p => p.Email != Fabrikam.AdminEmail).OrderBy(p => p.Email).Select(p => p.Email).Take(4).ToList()));
        return
        [
            new("Owner", PersonRole.Owner, owner),
            new("Technical Admin", PersonRole.TechnicalAdmin, await SignInWithRoleAsync(Fabrikam.TenantId, people[0], PersonRole.TechnicalAdmin)),
            new("Executive", PersonRole.Executive, await SignInWithRoleAsync(Fabrikam.TenantId, people[1], PersonRole.Executive)),
            new("Manager", PersonRole.Manager, await SignInWithRoleAsync(Fabrikam.TenantId, people[2], PersonRole.Manager)),
            new("Member", PersonRole.Member, await SignInWithRoleAsync(Fabrikam.TenantId, people[3], PersonRole.Member)),
            new("Signed out", null, NewBrowser()),
        ];
    }
}
