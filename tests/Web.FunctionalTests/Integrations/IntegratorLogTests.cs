using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkSights.Domain.ApiKeys;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Integrations;

/// <summary>SECURITY.md 16.3.1, 16.4.1, 16.2.5: token grants and refusals are logged with the workspace and a UTC time, caller text with its CR/LF encoded, and never a secret or token.</summary>
public sealed class IntegratorLogTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    private static readonly ConcurrentQueue<string> Lines = new();

    public IntegratorLogTests()
        : base(new WorkSightsApp { TestServices = services => services.AddSingleton<ILoggerProvider>(new RecordingLoggerProvider(Lines)) })
    {
    }

    [Fact]
    public async Task GrantsAndRefusalsAreLoggedWithWorkspaceAndUtcTimeWithoutSecretsOrRawLineBreaks()
    {
        await NewBrowser().SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var workspace = await App.WorkspaceAsync(Fabrikam.TenantId);
        using var integrator = await Integrator.IssueAsync(App, Fabrikam.TenantId, [ApiScopes.DirectoryRead]);
        using var forged = new Integrator(App, "wsk_forged\r\nX-Injected: yes", integrator.Secret);

        var token = await integrator.TokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await integrator.GetAsync("/api/v1/people", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await integrator.RequestTokenAsync(secretOverride: "wss_wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.RequestTokenAsync(basic: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await integrator.GetAsync("/api/v1/people", token[..^6] + "AAAAAA")).StatusCode);

        var everything = Lines.ToList();
        var lines = everything
            .Where(l => l.StartsWith("WorkSights.Web.Authentication.ApiTokenAuthenticationHandler: ", StringComparison.Ordinal) || l.StartsWith("WorkSights.Web.Endpoints.TokenEndpoint: ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..])
            .ToList();
        Assert.Contains(lines, l => l.StartsWith("API token issued for workspace " + workspace.Id, StringComparison.Ordinal) && l.Contains("+00:00", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("API token accepted for workspace " + workspace.Id, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"API token refused to client {integrator.ClientId} (invalid_client)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("wsk_forged\\u000d\\u000aX-Injected", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("API token refused (not a token of this API)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains('\r', StringComparison.Ordinal) || l.Contains('\n', StringComparison.Ordinal));
        Assert.DoesNotContain(everything, l => l.Contains(integrator.Secret, StringComparison.Ordinal) || l.Contains("wss_wrong", StringComparison.Ordinal));
        Assert.DoesNotContain(everything, l => l.Contains(token[..40], StringComparison.Ordinal));
    }

    private sealed class RecordingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Recorder(lines, categoryName);

        public void Dispose()
        {
        }

        private sealed class Recorder(ConcurrentQueue<string> lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    lines.Enqueue(category + ": " + formatter(state, exception));
                }
            }
        }
    }
}
