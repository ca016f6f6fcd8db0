using System.Threading.Channels;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Infrastructure.Jobs;

/// <summary>An in-process wake-up call for the erasure job: a workspace was just deleted; the database says which.</summary>
public sealed class WorkspaceErasureSignal : IWorkspaceErasureSignal
{
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public ChannelReader<bool> WakeUps => wakeUps.Reader;

    public void Wake() => wakeUps.Writer.TryWrite(true);
}
