using WorkSights.Domain.Common;

namespace WorkSights.Domain.Ingestion;

/// <summary>
/// How far a workspace-wide feed has been read: everything up to <see cref="ReadUntil"/> is stored. It moves in the same
/// transaction as the rows it covers; a re-read after a crash only upserts the same rows again.
/// </summary>
public sealed class FeedCheckpoint : ITenantOwned
{
    private FeedCheckpoint()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public TenantFeed Feed { get; private set; }

    /// <summary>The end of the last range read completely; null before the first read.</summary>
    public DateTimeOffset? ReadUntil { get; private set; }

    /// <summary>The provider asked us to wait: nothing is sent for this feed before then.</summary>
    public DateTimeOffset? NotBefore { get; private set; }

    public DateTimeOffset? LastCompletedAt { get; private set; }

    /// <summary>For the audit feed: the subscription to this content type was started.</summary>
    public bool IsSubscribed { get; private set; }

    public int ItemsImported { get; private set; }

    public static FeedCheckpoint Start(Guid tenantId, TenantFeed feed) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId != Guid.Empty ? tenantId : throw new DomainRuleViolationException("A checkpoint belongs to a workspace."),
        Feed = Enum.IsDefined(feed) ? feed : throw new DomainRuleViolationException("Unknown feed."),
    };

    public bool IsParkedAt(DateTimeOffset now) => NotBefore is { } notBefore && notBefore > now;

    /// <summary>Where the next read starts: the end of the last one, or <paramref name="earliest"/> if that is later.</summary>
    public DateTimeOffset StartFrom(DateTimeOffset earliest) => ReadUntil is { } until && until > earliest ? until : earliest;

    /// <summary>Items up to <paramref name="until"/> are stored. The checkpoint never moves back.</summary>
    public void Advance(DateTimeOffset until, int items)
    {
        var utc = Guard.Utc(until, "Read-until time");
        if (ReadUntil is null || utc > ReadUntil)
        {
            ReadUntil = utc;
        }

        ItemsImported += Math.Max(0, items);
    }

    /// <summary>Items were stored without moving the range (a page in the middle of a range).</summary>
    public void Stored(int items) => ItemsImported += Math.Max(0, items);

    public void Completed(DateTimeOffset now)
    {
        LastCompletedAt = Guard.Utc(now, "Completion time");
        NotBefore = null;
    }

    public void Park(DateTimeOffset until) => NotBefore = Guard.Utc(until, "Not-before time");

    public void Subscribed() => IsSubscribed = true;

    /// <summary>The provider lost the subscription (audit logging turned off); it is started again when it can be.</summary>
    public void Unsubscribed() => IsSubscribed = false;
}
