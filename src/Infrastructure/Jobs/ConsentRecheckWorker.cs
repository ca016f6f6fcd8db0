using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkSights.Application.Onboarding.RecheckConsent;

namespace WorkSights.Infrastructure.Jobs;

/// <summary>
/// Asks, for each workspace whose consent was revoked, whether it was granted again (every
/// <see cref="ConsentRecheckOptions.Interval"/>): Microsoft sends no callback when an administrator grants consent in the
/// Entra admin centre.
/// </summary>
internal sealed partial class ConsentRecheckWorker(
    IServiceScopeFactory scopes,
    IOptions<ConsentRecheckOptions> options,
    TimeProvider clock,
    ILogger<ConsentRecheckWorker> logger) : BackgroundService
{
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.Interval < LongestPoll ? options.Value.Interval : LongestPoll;
        using var timer = new PeriodicTimer(poll, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var recovered = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RecheckRevokedConsentsCommand(), stoppingToken);
                if (recovered > 0)
                {
                    LogRecovered(recovered);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} workspaces got their consent back and reconnected by themselves")]
    private partial void LogRecovered(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-checking revoked consents failed; the next pass tries again")]
    private partial void LogFailed(Exception exception);
}
