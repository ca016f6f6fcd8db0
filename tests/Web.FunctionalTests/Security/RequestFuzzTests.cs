using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;
using Xunit.Abstractions;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>
/// Every page and API route the app maps, found from its endpoint metadata, fed hostile values in every parameter and
/// form field it binds (and a few it does not), by every method, signed out and as the Owner of a connected workspace:
/// no 5xx, no stack trace, and the markup probe never comes back unencoded.
/// </summary>
public sealed partial class RequestFuzzTests(ITestOutputHelper output) : FunctionalTest
{
    private const string MarkupProbe = "<script>zqx(1)</script>";

    /// <summary>Values as they go on the wire: already percent-encoded, so that invalid UTF-8 reaches the server as such.</summary>
    private static readonly string[] Probes =
    [
        .. new[]
        {
            "\0", "a\u0001b", "\u001b[2J", "\u007f", "\u0085", "\r\nX-Injected: 1",
            new string('x', 10_000), MarkupProbe, "\"'><img src=x>", "../../etc/passwd", string.Empty,
            "-1", "-2147483649", "99999999999999999999999999", "1e400", "NaN", "0x7fffffff",
            "00000000-0000-0000-0000-000000000000", "Owner", "🙂\u200b",
        }.Select(Uri.EscapeDataString),
        "%C3%28", "%FF", "%ED%A0%80", "%F4%90%80%80", "%E2%82", "%",
    ];

    /// <summary>Route values in place of a valid one.</summary>
    private static readonly string[] BadRouteValues =
        ["not-a-guid", "-1", "99999999999999999999", "%00", "%C3%28", "%FF", Uri.EscapeDataString(MarkupProbe), "..%2F..%2Fetc", new string('9', 300)];

    /// <summary>Fields every request also carries: the handler selector and names no page declares.</summary>
    private static readonly string[] CommonFields = ["handler", "returnUrl", "ReturnUrl", "id", "page", "search", "error", "zqunknown"];

    /// <summary>
    /// Posts that would end the Owner's session or connection; the signed-out pass still makes them. Razor Pages runs a
    /// page's unnamed handler for any handler name it does not know, so all of Logout's posts end the session.
    /// </summary>
    private static bool EndsTheSession(string page, string handler) => page == "/Logout" || (page, handler) == ("/Settings/Services", "Disconnect");

    private static readonly string[] WrongMethods = ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"];

    private readonly List<string> failures = [];
    private int requests;

    [Fact]
    public async Task NoRouteAnswersServerErrorStackTraceOrUnencodedInput()
    {
        var stopwatch = Stopwatch.StartNew();
        var routes = await DiscoverRoutesAsync();
        Assert.Contains(routes, r => r.Template == "/Settings/Users/{id:guid}" && r.Handlers.Contains(string.Empty));
        Assert.Contains(routes, r => r.Template == "/api/v1/people" && r.Fields.Contains("pageSize"));
        Assert.Contains(routes, r => r.Template == "/Onboarding/AccountSetup" && r.Fields.Contains("Input.CompanyName"));
        Assert.Contains(routes, r => r.Template == "/Settings/Services" && r.Handlers.Contains("Feature") && r.Fields.Contains("feature"));

        var visitor = NewBrowser();
        await FuzzAsync(visitor, routes, await visitor.AntiforgeryTokenAsync("/Login"), signedIn: false);

        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Contoso.AdminEmail);
        await FuzzAsync(owner, routes, await owner.AntiforgeryTokenAsync("/Settings/Services"), signedIn: true);

        output.WriteLine($"{routes.Count} routes, {requests} requests in {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(40).Prepend($"{failures.Count} failures:")));
        var stillOwner = await owner.Browser.GetAsync(owner.At("/api/v1/workspace"));
        Assert.Equal(System.Net.HttpStatusCode.OK, stillOwner.StatusCode);
    }

    private async Task FuzzAsync(SignUpJourney journey, IReadOnlyList<FuzzRoute> routes, string token, bool signedIn)
    {
        foreach (var route in routes)
        {
            var path = route.Path(route.Parameters.ToDictionary(p => p.Name, ValidRouteValue));
            foreach (var probe in Probes)
            {
                var fields = string.Join('&', route.Fields.Concat(CommonFields).Select(f => $"{Uri.EscapeDataString(f)}={probe}"));
                await CheckAsync(journey, HttpMethod.Get, $"{path}?{fields}", null);
                await CheckAsync(journey, HttpMethod.Get, $"{path}?{Uri.EscapeDataString(MarkupProbe)}={probe}", null);
                foreach (var handler in route.Handlers.Append("nope"))
                {
                    if (signedIn && EndsTheSession(route.Template, handler))
                    {
                        continue;
                    }

                    var query = handler.Length == 0 ? string.Empty : $"?handler={handler}";
                    await CheckAsync(journey, HttpMethod.Post, path + query, $"__RequestVerificationToken={Uri.EscapeDataString(token)}&{fields}");
                }
            }

            foreach (var field in route.Fields.Append("zqunknown"))
            {
                foreach (var probe in new[] { Uri.EscapeDataString(MarkupProbe), "-99999999999", "%C3%28", new string('7', 5_000) })
                {
                    await CheckAsync(journey, HttpMethod.Get, $"{path}?{Uri.EscapeDataString(field)}={probe}", null);
                    foreach (var handler in route.Handlers.Where(h => !(signedIn && EndsTheSession(route.Template, h))))
                    {
                        var query = handler.Length == 0 ? string.Empty : $"?handler={handler}";
                        await CheckAsync(journey, HttpMethod.Post, path + query, $"__RequestVerificationToken={Uri.EscapeDataString(token)}&{Uri.EscapeDataString(field)}={probe}");
                    }
                }
            }

            foreach (var method in WrongMethods.Where(_ => !(signedIn && EndsTheSession(route.Template, string.Empty))))
            {
                await CheckAsync(journey, new HttpMethod(method), path, $"__RequestVerificationToken={Uri.EscapeDataString(token)}");
            }

            foreach (var parameter in route.Parameters)
            {
                foreach (var bad in BadRouteValues)
                {
                    var badPath = route.Path(route.Parameters.ToDictionary(p => p.Name, p => p.Name == parameter.Name ? bad : ValidRouteValue(p)));
                    await CheckAsync(journey, HttpMethod.Get, badPath, null);
                    if (!(signedIn && EndsTheSession(route.Template, string.Empty)))
                    {
                        await CheckAsync(journey, HttpMethod.Post, badPath, $"__RequestVerificationToken={Uri.EscapeDataString(token)}");
                    }
                }
            }
        }
    }

    private async Task CheckAsync(SignUpJourney journey, HttpMethod method, string pathAndQuery, string? form)
    {
        requests++;
        var content = form is null ? null : new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded");
        var response = await journey.Browser.SendAsync(method, new Uri(App.BaseAddress.GetLeftPart(UriPartial.Authority) + pathAndQuery), content);
        journey.Browser.History.Clear();
        var body = await response.Content.ReadAsStringAsync();
        var request = $"{method} {Shorten(pathAndQuery)}{(form is null ? string.Empty : " form " + Shorten(TokenField().Replace(form, "(token)")))}";
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{(int)response.StatusCode} for {request}");
        }

        if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal))
        {
            failures.Add($"stack trace or exception text for {request}");
        }

        if (body.Contains(MarkupProbe, StringComparison.Ordinal) || response.Headers.Contains("X-Injected"))
        {
            failures.Add($"input reflected unencoded for {request}");
        }
    }

    private async Task<List<FuzzRoute>> DiscoverRoutesAsync()
    {
        var loader = App.Services.GetRequiredService<PageLoader>();
        var routes = new Dictionary<string, FuzzRoute>();
        foreach (var endpoint in App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).Trim('/');
            var fields = new SortedSet<string>(StringComparer.Ordinal);
            var handlers = new SortedSet<string>(StringComparer.Ordinal);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                handlers.Add(string.Empty);
                foreach (var handler in compiled.HandlerMethods)
                {
                    if (!string.Equals(handler.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase))
                    {
                        handlers.Add(handler.Name ?? string.Empty);
                    }

                    foreach (var parameter in handler.Parameters.Where(p => p.ParameterType != typeof(CancellationToken)))
                    {
                        AddFields(fields, parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType);
                    }
                }

                foreach (var property in compiled.BoundProperties)
                {
                    AddFields(fields, property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType);
                }
            }
            else if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } method)
            {
                foreach (var parameter in method.GetParameters().Where(p => !p.ParameterType.IsInterface && p.ParameterType != typeof(CancellationToken)))
                {
                    AddFields(fields, parameter.Name!, parameter.ParameterType);
                }
            }

            if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            {
                handlers.Add(string.Empty);
            }

            if (routes.TryGetValue(template, out var known))
            {
                known.Fields.UnionWith(fields);
                known.Handlers.UnionWith(handlers);
            }
            else
            {
                routes[template] = new FuzzRoute(template, endpoint.RoutePattern, fields, handlers);
            }
        }

        return [.. routes.Values.OrderBy(r => r.Template, StringComparer.Ordinal)];
    }

    /// <summary>A simple value binds under its name; a complex one (a page's Input) by each property under its prefix.</summary>
    private static void AddFields(SortedSet<string> fields, string name, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(Guid) || underlying.IsValueType
            || (underlying.IsGenericType && underlying.GetGenericArguments() is [{ IsValueType: true }]))
        {
            fields.Add(name);
            return;
        }

        foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            fields.Add($"{name}.{property.Name}");
        }
    }

    private static string ValidRouteValue(RoutePatternParameterPart parameter) =>
        parameter.ParameterPolicies.Any(p => p.Content?.StartsWith("guid", StringComparison.Ordinal) == true) ? Guid.NewGuid().ToString()
        : parameter.ParameterPolicies.Any(p => p.Content?.StartsWith("int", StringComparison.Ordinal) == true) ? "404"
        : "x";

    private static string Shorten(string text) => text.Length <= 160 ? text : $"{text[..160]}…({text.Length})";

    [GeneratedRegex("__RequestVerificationToken=[^&]*")]
    private static partial Regex TokenField();


    private sealed record FuzzRoute(string Template, RoutePattern Pattern, SortedSet<string> Fields, SortedSet<string> Handlers)
    {
        public IReadOnlyList<RoutePatternParameterPart> Parameters => [.. Pattern.Parameters];

        public override string ToString() => $"{Template} fields [{string.Join(", ", Fields)}] handlers [{string.Join(", ", Handlers.Select(h => $"'{h}'"))}]";

        public string Path(IReadOnlyDictionary<string, string> values)
        {
            var segments = Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart parameter => values[parameter.Name],
                RoutePatternSeparatorPart separator => separator.Content,
                _ => string.Empty,
            })));
            return "/" + string.Join('/', segments);
        }
    }
}
