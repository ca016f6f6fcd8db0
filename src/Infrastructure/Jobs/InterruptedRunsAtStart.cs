using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorkSights.Application.Ingestion.MarkInterruptedRuns;

namespace WorkSights.Infrastructure.Jobs;

/// <summary>Runs once the migrations are applied, before the first request: runs the previous process left unfinished are
/// marked interrupted.</summary>
internal sealed partial class InterruptedRunsAtStart(IServiceScopeFactory scopes, ILogger<InterruptedRunsAtStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var interrupted = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new MarkInterruptedRunsCommand(), cancellationToken);
        if (interrupted > 0)
        {
            LogInterrupted(interrupted);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} sync runs were interrupted by the last shutdown; they resume now")]
    private partial void LogInterrupted(int count);
}
