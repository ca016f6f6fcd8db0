using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Onboarding.RecheckConsent;
using WorkSights.Application.Scores;
using WorkSights.Infrastructure.AuditFeed;
using WorkSights.Infrastructure.Graph;
using WorkSights.Infrastructure.Hosting;
using WorkSights.Infrastructure.Identity;
using WorkSights.Infrastructure.Jobs;
using WorkSights.Infrastructure.Networks;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Infrastructure.Privacy;
using WorkSights.Infrastructure.Scores;
using WorkSights.Infrastructure.Tenancy;

namespace WorkSights.Infrastructure;

public static class DependencyInjection
{
    /// <param name="dataDirectory">The app's data folder: the SQLite database, and the Data Protection keys unless configured elsewhere.</param>
    public static IServiceCollection AddInfrastructureServices(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var connectionString = configuration.GetConnectionString("WorkSights")
            ?? $"Data Source={Path.Combine(dataDirectory, "worksights.db")}";

        services.AddScoped<ITenantContext, TenantContext>();
        services.AddSingleton<SerializedWrites>();
        services.AddSingleton<ReportedDataVersions>();
        services.AddSingleton<IReportedDataVersions>(sp => sp.GetRequiredService<ReportedDataVersions>());
        services.AddDbContext<ApplicationDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas(), sp.GetRequiredService<SerializedWrites>()));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<ApplicationDbContext>());
        services.AddScoped<ISessionStore, SessionStore>();
        services.AddScoped<IApiClientDirectory, ApiClientDirectory>();
        services.AddScoped<OpenReadingContext>(sp =>
        {
            var options = sp.GetRequiredService<DbContextOptions<ApplicationDbContext>>();
            var tenantContext = sp.GetRequiredService<ITenantContext>();
            return () => new ApplicationDbContext(options, tenantContext);
        });
        services.AddScoped<PersonDayRecomputer>();
        services.AddScoped<IPersonDayRecomputer>(sp => sp.GetRequiredService<PersonDayRecomputer>());
        services.AddHostedService<DatabaseMigrator>();
        services.AddHostedService<InterruptedRunsAtStart>();

        services.AddWorkSightsDataProtection(configuration, dataDirectory);
        services.AddSingleton<IPseudonymKeys, PseudonymKeys>();

        services.AddOptions<MicrosoftIdentityOptions>().Bind(configuration.GetSection(MicrosoftIdentityOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<AppOnlyTokenProvider>();
        services.AddSingleton<IConnectionTokens>(sp => sp.GetRequiredService<AppOnlyTokenProvider>());
        services.AddScoped<IOwnedRows, ModelOwnedRows>();
        services.AddSingleton<GraphClientFactory>();
        services.AddAuditFeedReader();
        services.AddOptions<CloudNetworkOptions>().Bind(configuration.GetSection(CloudNetworkOptions.SectionName));
        services.AddSingleton<ICloudNetworks, CloudNetworks>();
        services.AddOptions<ActivitySyncOptions>().Bind(configuration.GetSection(ActivitySyncOptions.SectionName));
        services.AddSingleton<ActivitySyncSignal>();
        services.AddSingleton<IActivitySyncSignal>(sp => sp.GetRequiredService<ActivitySyncSignal>());
        services.AddSingleton<ActivitySyncRunner>();
        services.AddHostedService<ActivitySyncWorker>();
        services.AddOptions<ScoreRecomputeOptions>().Bind(configuration.GetSection(ScoreRecomputeOptions.SectionName));
        services.AddSingleton<ScoreRecomputeSignal>();
        services.AddHostedService<ScoreRecomputeWorker>();
        services.AddOptions<ConsentRecheckOptions>().Bind(configuration.GetSection(ConsentRecheckOptions.SectionName));
        services.AddHostedService<ConsentRecheckWorker>();
        services.AddOptions<DataRetentionOptions>().Bind(configuration.GetSection(DataRetentionOptions.SectionName));
        services.AddHostedService<DataRetentionWorker>();
        services.AddOptions<WorkspaceErasureOptions>().Bind(configuration.GetSection(WorkspaceErasureOptions.SectionName));
        services.AddSingleton<WorkspaceErasureSignal>();
        services.AddSingleton<IWorkspaceErasureSignal>(sp => sp.GetRequiredService<WorkspaceErasureSignal>());
        services.AddSingleton<WorkspaceErasureWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkspaceErasureWorker>());

        services.Scan(scan => scan.FromAssemblyOf<ApplicationDbContext>()
            .AddClasses(classes => classes.AssignableToAny(typeof(IDirectoryReader), typeof(IMailboxReader), typeof(IMailboxSettingsReader), typeof(ICallRecordReader), typeof(ISignInReader), typeof(IAdminConsentLinks), typeof(IConsentVerifier), typeof(ITenantAdministrators)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithScopedLifetime());
        return services;
    }
}
