using WorkSights.Domain.Activities;

namespace WorkSights.Domain.Ingestion;

/// <summary>
/// Read model: how many activities of one kind a workspace holds, recounted while a sync runs and when it ends, so that
/// the Service View's live refresh reads a handful of rows instead of every activity.
/// </summary>
public sealed class ServiceActivityCount : Common.ITenantOwned
{
    private ServiceActivityCount()
    {
    }

    public Guid TenantId { get; private set; }

    public ActivityKind Kind { get; private set; }

    public long Count { get; private set; }

    public DateTimeOffset CountedAt { get; private set; }

    public static ServiceActivityCount Of(Guid tenantId, ActivityKind kind, long count, DateTimeOffset at) =>
        new() { TenantId = tenantId, Kind = kind, Count = count, CountedAt = at.ToUniversalTime() };

    public void Recounted(long count, DateTimeOffset at)
    {
        Count = count;
        CountedAt = at.ToUniversalTime();
    }
}
