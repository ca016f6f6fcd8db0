using System.Threading.Channels;

namespace WorkSights.Infrastructure.Jobs;

/// <summary>An in-process wake-up call for the recompute job: a sync stored activities; the marks themselves are in the database.</summary>
public sealed class ScoreRecomputeSignal
{
    private readonly Channel<Guid> wakeUps = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<Guid> WakeUps => wakeUps.Reader;

    public void Wake(Guid tenantId) => wakeUps.Writer.TryWrite(tenantId);
}
