using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OutputCaching;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Web.Authentication;
using WorkSights.Web.Infrastructure;

namespace WorkSights.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddWebServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ICurrentUser, HttpCurrentUser>();

        services.AddWorkSightsAuthentication(configuration);
        services.AddApiRateLimits();
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Onboarding", Policies.Onboarding);
            options.Conventions.AuthorizeFolder("/Settings", Policies.Workspace);
            options.Conventions.AuthorizeFolder("/Settings/Users", Policies.Administration);
            options.Conventions.AuthorizePage("/Settings/Services", Policies.Administration);
            options.Conventions.AuthorizePage("/Settings/Account", Policies.Owner);
            options.Conventions.AuthorizePage("/Settings/WorkspaceData", Policies.Owner);
            options.Conventions.AuthorizePage("/Settings/Audit", Policies.Administration);
            options.Conventions.AuthorizePage("/Settings/ApiKeys", Policies.Administration);
            options.Conventions.AuthorizeFolder("/Settings/Schedules", Policies.Owner);
            options.Conventions.AuthorizePage("/Dashboard", Policies.Analytics);
            options.Conventions.AuthorizePage("/Notifications", Policies.Workspace);
            options.Conventions.AuthorizeFolder("/Activities", Policies.Analytics);
            options.Conventions.AuthorizeFolder("/Reports", Policies.Executive);
            options.Conventions.AuthorizePage("/Overviews/My", Policies.Analytics);
            options.Conventions.AuthorizePage("/Overviews/Executive", Policies.Executive);
            options.Conventions.AuthorizePage("/Onboarding/AccountSetup", Policies.Owner);
            options.Conventions.ConfigureFilter(new HandlerRequiredPageFilter());
        });
        services.AddAntiforgery(options => options.Cookie = new AlwaysSecureCookieBuilder
        {
            Name = "__Host-WorkSights.Antiforgery",
            Path = "/",
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            SecurePolicy = CookieSecurePolicy.SameAsRequest,
            IsEssential = true,
        });
        // Registered first: AddOutputCache adds the framework's store only when none is registered.
        services.AddSingleton<IOutputCacheStore>(provider => new BoundedOutputCacheStore(ReportingPageCache.SizeLimitFrom(configuration), provider.GetRequiredService<TimeProvider>()));
        services.AddOutputCache(options =>
        {
            options.AddPolicy(ReportingPageCache.PolicyName, ReportingPageCache.From(configuration));
        });
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddReverseProxySupport(configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return services;
    }
}
