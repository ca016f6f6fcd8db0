using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Accounts.PurgeExpiredData;

/// <summary>
/// Sent by the daily retention job inside a workspace's scope: removes the activities and day results the workspace's
/// retention no longer keeps, <paramref name="BatchSize"/> rows per transaction. The audit log is never purged.
/// </summary>
[SentByWorkSights("the daily retention job")]
public sealed record PurgeExpiredDataCommand(int BatchSize = PurgeExpiredDataCommand.DefaultBatchSize) : ICommand<PurgeResult>
{
    public const int DefaultBatchSize = 5_000;
}

/// <param name="DayResults">Person-days, their locations, team days and days waiting for a recompute.</param>
public sealed record PurgeResult(int Activities, int Corrections, int DayResults)
{
    public static readonly PurgeResult Nothing = new(0, 0, 0);

    public int Total => Activities + Corrections + DayResults;
}
