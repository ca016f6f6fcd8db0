using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>One route of the app: a page handler or a mapped endpoint, named "METHOD /template?handler=Name".</summary>
internal sealed record AppRoute(string Method, string Template, string? Handler)
{
    public string Name => Handler is null ? $"{Method} {Template}" : $"{Method} {Template}?handler={Handler}";

    /// <summary>Every page handler and every mapped endpoint, from the app's endpoint metadata.</summary>
    public static async Task<IReadOnlyList<AppRoute>> DiscoverAsync(WorkSightsApp app)
    {
        var sources = app.Services.GetRequiredService<EndpointDataSource>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var routes = new Dictionary<string, AppRoute>(StringComparer.Ordinal);
        void Add(AppRoute route) => routes.TryAdd(route.Name, route);
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                if (template.EndsWith("/Index", StringComparison.Ordinal) || template == "/Index")
                {
                    continue;
                }

                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                if (compiled.HandlerMethods.Count == 0)
                {
                    Add(new AppRoute("GET", template, null));
                }

                foreach (var handler in compiled.HandlerMethods)
                {
                    Add(new AppRoute(handler.HttpMethod.ToUpperInvariant(), template, handler.Name));
                }
            }
            else
            {
                // An endpoint mapped for every method (the health check) is named by its GET.
                var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "PATCH" or "DELETE"))
                {
                    Add(new AppRoute(method, template, null));
                }
            }
        }

        return [.. routes.Values];
    }

    /// <summary>The path with each route parameter given the value; an optional one left out when the value is null.</summary>
    public string PathWith(Func<string, string?> valueOf)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(Template, @"/\{(?<name>[A-Za-z]+)(?<rest>[^}]*)\}", m =>
            valueOf(m.Groups["name"].Value) is { } value ? "/" + value : string.Empty);
        return Handler is null ? path : $"{path}?handler={Handler}";
    }

    public bool HasParameters => Template.Contains('{', StringComparison.Ordinal);
}
