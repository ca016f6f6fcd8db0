using System.Threading.Channels;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Infrastructure.Jobs;

/// <summary>An in-process wake-up call for the scheduler; the schedule itself lives in the database.</summary>
internal sealed class ActivitySyncSignal : IActivitySyncSignal
{
    private readonly Channel<Guid> wakeUps = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<Guid> WakeUps => wakeUps.Reader;

    public void Wake(Guid tenantId) => wakeUps.Writer.TryWrite(tenantId);
}
