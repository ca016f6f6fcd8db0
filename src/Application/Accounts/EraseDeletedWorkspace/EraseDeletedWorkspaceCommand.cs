using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Accounts.EraseDeletedWorkspace;

/// <summary>
/// Sent by the erasure job inside a deleted workspace's scope: erases its rows, <paramref name="BatchSize"/> a
/// transaction, until none is left; answers how many it erased.
/// </summary>
[SentByWorkSights("the job that erases deleted workspaces")]
public sealed record EraseDeletedWorkspaceCommand(int BatchSize = EraseDeletedWorkspaceCommand.DefaultBatchSize) : ICommand<int>
{
    public const int DefaultBatchSize = 5_000;
}
