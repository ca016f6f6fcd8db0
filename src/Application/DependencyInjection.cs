using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Ingestion.Arrivals;
using WorkSights.Application.Ingestion.CountActivities;
using WorkSights.Application.Ingestion.Feeds;
using WorkSights.Application.Reporting.Visibility;
using WorkSights.Application.Schedules;
using WorkSights.Application.Scores;

namespace WorkSights.Application;

public static class DependencyInjection
{
    /// <summary>Validators, feed imports and the clock. The mediator itself is generated in, and registered by, the host.</summary>
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining(typeof(DependencyInjection), includeInternalTypes: true);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<IWorkCalendars, WorkCalendars>();
        services.AddScoped<IImportedWorkSettings, Directory.ImportWorkSettings.StoredWorkSettings>();
        services.AddScoped<ViewerScopes>();
        services.AddScoped<GroupPrivacy>();
        services.AddScoped<Common.Audit.WorkspaceSettingChange>();
        services.AddMemoryCache();
        services.AddSingleton<Common.Caching.WorkspaceMemoStore>();
        services.AddScoped<Common.Caching.WorkspaceMemo>();
        services.AddScoped<ServiceActivityCounter>();
        services.AddSingleton<ActivityArrivals>();
        services.AddScoped<Reporting.GetFindings.ObservedPeople>();
        services.Scan(scan => scan.FromAssemblyOf<IFeedImport>()
            .AddClasses(classes => classes.AssignableTo<IFeedImport>(), publicOnly: false)
            .As<IFeedImport>()
            .WithScopedLifetime());
        return services;
    }
}
