using WorkSights.Application;
using WorkSights.Application.Common.Behaviours;
using WorkSights.Infrastructure;
using WorkSights.Infrastructure.Hosting;
using WorkSights.Infrastructure.Identity;
using WorkSights.Web;
using WorkSights.Web.Endpoints;
using WorkSights.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
var dataDirectory = Path.GetFullPath(builder.Configuration["DataDirectory"] ?? Path.Combine(builder.Environment.ContentRootPath, "data"));

PublicAddress.Validate(builder.Configuration, builder.Environment);
await DevelopmentSandbox.StartIfEnabledAsync(builder, dataDirectory);

builder.Services
    .AddApplicationServices()
    .AddInfrastructureServices(builder.Configuration, dataDirectory)
    .AddWebServices(builder.Configuration);
builder.Services.AddMediator((Mediator.MediatorOptions options) =>
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

var app = builder.Build();

if (ReverseProxySetup.IsEnabled(app.Configuration))
{
    app.UseForwardedHeaders();
}

app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseExceptionHandler();
app.UseMiddleware<ControlCharacterGuardMiddleware>();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

var identityOrigin = builder.Configuration.GetSection(MicrosoftIdentityOptions.SectionName).Get<MicrosoftIdentityOptions>()?.Instance.GetLeftPart(UriPartial.Authority)
    ?? "https://login.microsoftonline.com";
app.UseMiddleware<SecurityHeadersMiddleware>(identityOrigin);
app.UseStaticFiles();
app.UseMiddleware<ApiCredentialsInQueryMiddleware>();
app.UseRouting();
app.UseAuthentication();
app.UseRateLimiter();
app.UseMiddleware<WorkspaceScopeMiddleware>();
app.UseAuthorization();
app.UseOutputCache();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapTokenEndpoint();
app.MapWorkspaceApi();
app.MapReportsApi();
app.MapActivityStreamEvents();
app.MapRazorPages();

await app.RunAsync();

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
