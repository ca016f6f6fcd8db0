using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>Remembers which workspaces asked for an activity sync.</summary>
internal sealed class RecordingSyncSignal : IActivitySyncSignal
{
    public List<Guid> Woken { get; } = [];

    public void Wake(Guid tenantId) => Woken.Add(tenantId);
}
