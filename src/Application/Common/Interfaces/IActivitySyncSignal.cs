namespace WorkSights.Application.Common.Interfaces;

/// <summary>Wakes the background sync for a workspace now instead of at its next scheduled time.</summary>
public interface IActivitySyncSignal
{
    void Wake(Guid tenantId);
}
