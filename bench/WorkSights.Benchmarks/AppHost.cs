using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using WorkSights.Application;
using WorkSights.Application.Common.Behaviours;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Onboarding.CompleteAdminConsent;
using WorkSights.Application.Onboarding.CompleteSignIn;
using WorkSights.Application.Onboarding.RequestAdminConsent;
using WorkSights.Domain.People;
using WorkSights.Infrastructure;
using WorkSights.Infrastructure.Jobs;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Sandbox;

namespace WorkSights.Benchmarks;

/// <summary>Where the sandbox answers, and the process serving it (this one or the benchmark's parent).</summary>
internal sealed record SandboxEndpoint(Uri HttpBaseAddress, Uri HttpsBaseAddress, string Thumbprint, int ProcessId)
{
    public static SandboxEndpoint Of(SandboxServer sandbox) => new(sandbox.HttpBaseAddress, sandbox.HttpsBaseAddress, sandbox.TlsCertificate.Thumbprint, Environment.ProcessId);
}

/// <summary>The organisation's administrator who signs up, as the sandbox's directory knows them.</summary>
internal sealed record SandboxAdmin(string TenantId, string ObjectId, string Email, string DisplayName)
{
    public static SandboxAdmin Of(SandboxServer sandbox, SandboxTenantInfo organisation)
    {
        var admin = sandbox.Directory.GetUsers(organisation.TenantId)
            .Single(u => string.Equals(u.Mail, organisation.AdminEmail, StringComparison.OrdinalIgnoreCase));
        return new SandboxAdmin(organisation.TenantId, admin.Id, admin.Mail!, admin.DisplayName);
    }
}

/// <summary>How one instance of the application is composed for a measurement.</summary>
internal sealed record AppHostSettings
{
    /// <summary>The application's clock; null keeps the system clock registered by AddApplicationServices.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Whether the real activity-sync scheduler (a hosted service) runs; off unless a section needs it.</summary>
    public bool ActivitySyncEnabled { get; init; }

    /// <summary>The scheduler's poll interval (real time), when it runs.</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>Mail or calendar items per Graph delta page; null keeps the application's default.</summary>
    public int? MailboxPageSize { get; init; }

    /// <summary>Extra registrations applied after the application's own (decorators, replacements).</summary>
    public Action<IServiceCollection>? Configure { get; init; }

    public IInterceptor[] Interceptors { get; init; } = [];
}

/// <summary>
/// The real application composed as src/Web/Program.cs composes it (Application + Infrastructure + the generated mediator
/// with the same pipeline), pointed at an in-process sandbox by configuration only, with its own temporary data directory.
/// </summary>
internal sealed class AppHost : IAsyncDisposable
{
    public const string ClientId = "6c1e1d2a-91b0-4b7e-a3f4-0c2d5e6f7a80";
    public const string ClientSecret = "benchmark-secret";

    private readonly ServiceProvider services;
    private readonly List<IHostedService> started = [];

    private AppHost(ServiceProvider services, string dataDirectory)
    {
        this.services = services;
        DataDirectory = dataDirectory;
    }

    public IServiceProvider Services => services;

    public string DataDirectory { get; }

    public string ConnectionString => $"Data Source={Path.Combine(DataDirectory, "worksights.db")}";

    public ActivitySyncRunner Runner => services.GetRequiredService<ActivitySyncRunner>();

    /// <summary>Registers the benchmark's app registration with an in-process sandbox.</summary>
    public static void Register(SandboxServer sandbox) =>
        sandbox.RegisterApp(new SandboxClientApp(ClientId, ClientSecret, "WorkSights benchmark", ["http://127.0.0.1:5000/onboarding/consent/callback"]));

    public static Task<AppHost> StartAsync(SandboxServer sandbox, AppHostSettings settings)
    {
        Register(sandbox);
        return StartAsync(SandboxEndpoint.Of(sandbox), settings);
    }

    public static async Task<AppHost> StartAsync(SandboxEndpoint sandbox, AppHostSettings settings)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"worksights-bench-{Guid.NewGuid():N}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Microsoft:Instance"] = sandbox.HttpBaseAddress.ToString(),
            ["Microsoft:TokenInstance"] = sandbox.HttpsBaseAddress.ToString(),
            ["Microsoft:GraphBaseUrl"] = new Uri(sandbox.HttpBaseAddress, "v1.0").ToString(),
            ["Microsoft:ManagementApiBaseUrl"] = sandbox.HttpsBaseAddress.ToString(),
            ["Microsoft:ClientId"] = ClientId,
            ["Microsoft:ClientSecret"] = ClientSecret,
            ["Microsoft:PinnedCertificateThumbprint"] = sandbox.Thumbprint,
            ["PublicBaseUrl"] = "http://127.0.0.1:5000/",
            ["ActivitySync:Enabled"] = settings.ActivitySyncEnabled ? "true" : "false",
            // The recompute job is measured on its own (section recompute); the ingestion sections measure ingestion alone.
            ["ScoreRecompute:Enabled"] = "false",
            ["ActivitySync:PollInterval"] = (settings.PollInterval ?? TimeSpan.FromSeconds(30)).ToString("c"),
            ["Microsoft:MailboxPageSize"] = settings.MailboxPageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(setting => setting.Value is not null)).AddEnvironmentVariables("WORKSIGHTS_BENCH_").Build();

        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        // The cloud networks' data is read from under the content root only when a sign-in is located; the timed runs
        // leave sign-ins out (their API paces them).
        collection.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = Environments.Production,
            ApplicationName = "WorkSights.Benchmarks",
            ContentRootPath = AppContext.BaseDirectory,
        });
        collection.AddLogging(logging => logging
            .AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error)
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error));
        collection
            .AddApplicationServices()
            .AddInfrastructureServices(configuration, dataDirectory);
        collection.AddMediator((Mediator.MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(WorkSights.Application.DependencyInjection)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(TimingBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
            ];
        });
        collection.AddScoped<ActingUser>();
        collection.AddScoped<ICurrentUser>(provider => provider.GetRequiredService<ActingUser>());
        if (settings.Clock is { } clock)
        {
            collection.Replace(ServiceDescriptor.Singleton(clock));
        }

        if (settings.Interceptors.Length > 0)
        {
            collection.ConfigureDbContext<ApplicationDbContext>(o => o.AddInterceptors(settings.Interceptors));
        }

        settings.Configure?.Invoke(collection);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var host = new AppHost(provider, dataDirectory);

        // As the generic host does: every hosted service in registration order (the migrator first).
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            host.started.Add(hosted);
        }

        return host;
    }

    /// <summary>
    /// Sign-up as the app drives it: the administrator signs in with sign-up intent, asks for admin consent (the state
    /// comes back in the consent link), accepts in the sandbox, and the consent callback provisions the workspace.
    /// </summary>
    public Task<(Guid TenantId, string Message)> SignUpAsync(SandboxServer sandbox, SandboxTenantInfo organisation) =>
        SignUpAsync(SandboxAdmin.Of(sandbox, organisation), () => sandbox.Directory.GrantConsent(organisation.TenantId, ClientId));

    /// <param name="grantConsent">The administrator accepts on the sandbox's consent page (null: already granted).</param>
    public async Task<(Guid TenantId, string Message)> SignUpAsync(SandboxAdmin admin, Action? grantConsent)
    {
        var signIn = await SendAsync(new CompleteSignInCommand(admin.TenantId, admin.ObjectId, admin.Email, admin.DisplayName, SignInIntent.SignUp));
        if (signIn.Result != SignInResult.AwaitingConsent)
        {
            throw new InvalidOperationException($"Sign-up answered {signIn.Result}.");
        }

        Uri consentLink;
        await using (var scope = services.CreateAsyncScope())
        {
            // A browser request from the administrator's session, as the app's own would be; the consent link's address
            // comes from PublicBaseUrl.
            scope.ServiceProvider.GetRequiredService<ActingUser>().SignIn(admin);
            var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
            var context = new DefaultHttpContext();
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("127.0.0.1", 5000);
            accessor.HttpContext = context;
            consentLink = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RequestAdminConsentCommand(admin.TenantId, admin.ObjectId));
            accessor.HttpContext = null;
        }

        var state = QueryHelpers.ParseQuery(consentLink.Query)["state"].ToString();
        grantConsent?.Invoke();
        var outcome = await SendAsync(new CompleteAdminConsentCommand(admin.TenantId, admin.ObjectId, state, "True", admin.TenantId, null, null, null), admin);
        return outcome is { Result: AdminConsentResult.Granted, TenantId: { } tenantId }
            ? (tenantId, outcome.Message)
            : throw new InvalidOperationException($"Admin consent answered {outcome.Result}: {outcome.Message}");
    }

    /// <param name="signedIn">The administrator whose session sends it; nobody when null, as a background job.</param>
    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, SandboxAdmin? signedIn = null)
    {
        await using var scope = services.CreateAsyncScope();
        if (signedIn is not null)
        {
            scope.ServiceProvider.GetRequiredService<ActingUser>().SignIn(signedIn);
        }

        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }

    /// <summary>A query across the database with every tenant filter off (the benchmark is the only reader).</summary>
    public async Task<T> QueryAsync<T>(Func<ApplicationDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = started.Count - 1; i >= 0; i--)
        {
            await started[i].StopAsync(CancellationToken.None);
        }

        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>
    /// Who a scope acts as: nobody, as background jobs run, or the administrator signing up, identified as their session
    /// identifies them before their workspace exists (organisation and object id, no person or role yet).
    /// </summary>
    private sealed class ActingUser : ICurrentUser
    {
        public string? ExternalTenantId { get; private set; }

        public string? ObjectId { get; private set; }

        public Guid? PersonId => null;

        public PersonRole? Role => null;

        public string? Address => null;

        public void SignIn(SandboxAdmin admin) => (ExternalTenantId, ObjectId) = (admin.TenantId, admin.ObjectId);
    }
}
