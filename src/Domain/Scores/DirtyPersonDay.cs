namespace WorkSights.Domain.Scores;

/// <summary>
/// A person's local day whose result is out of date: written in the same transaction as the change that made it so
/// (a sync page, a correction, a schedule edit) and removed by the recompute that brings the day up to date.
/// </summary>
public sealed class DirtyPersonDay : Common.ITenantOwned
{
    private DirtyPersonDay()
    {
    }

    public Guid TenantId { get; private set; }

    public Guid PersonId { get; private set; }

    public DateOnly Date { get; private set; }

    public DateTimeOffset MarkedAt { get; private set; }

    public static DirtyPersonDay Mark(Guid tenantId, Guid personId, DateOnly date, DateTimeOffset now) =>
        new() { TenantId = tenantId, PersonId = personId, Date = date, MarkedAt = now.ToUniversalTime() };
}
