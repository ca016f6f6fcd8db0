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

    /// <summary>Local clocks run from 12 hours behind UTC to 14 hours ahead of it.</summary>
    private static readonly TimeSpan WestmostOffset = TimeSpan.FromHours(-12);
    private static readonly TimeSpan EastmostOffset = TimeSpan.FromHours(14);

    /// <summary>
    /// Every date that some part of [<paramref name="start"/>, <paramref name="end"/>] falls on in some time zone: what to
    /// mark when the person's own zone is not at hand (usually two or three dates).
    /// </summary>
    public static IEnumerable<DateOnly> DatesInAnyZone(DateTimeOffset start, DateTimeOffset end)
    {
        var first = DateOnly.FromDateTime((start.ToUniversalTime() + WestmostOffset).DateTime);
        var last = DateOnly.FromDateTime(((end < start ? start : end).ToUniversalTime() + EastmostOffset).DateTime);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            yield return date;
        }
    }

    public static DirtyPersonDay Mark(Guid tenantId, Guid personId, DateOnly date, DateTimeOffset now) =>
        new() { TenantId = tenantId, PersonId = personId, Date = date, MarkedAt = now.ToUniversalTime() };
}
