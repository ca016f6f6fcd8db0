using WorkSights.Domain.Common;

namespace WorkSights.Domain.Ingestion;

/// <summary>
/// Where the import of one feature of one person stands. It is saved in the same transaction as the rows of the page
/// it follows, so an interrupted sync resumes exactly there: no gap, no duplicate.
/// </summary>
public sealed class SyncCheckpoint : ITenantOwned
{
    private SyncCheckpoint()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PersonId { get; private set; }

    public ServiceFeature Feature { get; private set; }

    /// <summary>The provider's link to read next: a page link while a round is under way, the delta link between rounds.</summary>
    public string? ResumeLink { get; private set; }

    /// <summary>True while <see cref="ResumeLink"/> points into an unfinished round.</summary>
    public bool IsMidRound { get; private set; }

    /// <summary>True while a full (re)read is under way: items not seen by its end were deleted at the source.</summary>
    public bool IsFullRead { get; private set; }

    /// <summary>When the current full read started; rows of this feature not touched since then are gone at the source.</summary>
    public DateTimeOffset? FullReadStartedAt { get; private set; }

    /// <summary>The earliest time the current full read covers; older rows are history and never reconciled away.</summary>
    public DateTimeOffset? RangeStart { get; private set; }

    /// <summary>For windowed sources (calendar): the end of the range the current delta link covers.</summary>
    public DateTimeOffset? RangeEnd { get; private set; }

    public DateTimeOffset? LastCompletedAt { get; private set; }

    /// <summary>The provider asked us to wait: nothing is sent for this mailbox before then.</summary>
    public DateTimeOffset? NotBefore { get; private set; }

    public int ItemsImported { get; private set; }

    public static SyncCheckpoint Start(Guid tenantId, Guid personId, ServiceFeature feature) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId,
        PersonId = personId,
        Feature = Enum.IsDefined(feature) ? feature : throw new DomainRuleViolationException("Unknown feature."),
    };

    public bool IsParkedAt(DateTimeOffset now) => NotBefore is { } notBefore && notBefore > now;

    /// <summary>Begins a full read (first sync, or the provider forgot our delta link).</summary>
    public void BeginFullRead(DateTimeOffset now, DateTimeOffset rangeStart, DateTimeOffset? rangeEnd = null)
    {
        if (rangeEnd is { } end && end <= rangeStart)
        {
            throw new DomainRuleViolationException("A read range must end after it starts.");
        }

        var start = Guard.Utc(rangeStart, "Range start");
        var rangeEndUtc = rangeEnd is { } value ? Guard.Utc(value, "Range end") : (DateTimeOffset?)null;
        var startedAt = Guard.Utc(now, "Start time");
        RangeStart = start;
        RangeEnd = rangeEndUtc;
        ResumeLink = null;
        IsMidRound = false;
        IsFullRead = true;
        FullReadStartedAt = startedAt;
    }

    /// <summary>A page was stored; continue from <paramref name="nextLink"/>.</summary>
    public void PageStored(string nextLink, int items)
    {
        ResumeLink = Guard.Required(nextLink, "Next link", 8192);
        IsMidRound = true;
        ItemsImported += items;
    }

    /// <summary>The last page of a round was stored; the next round starts from <paramref name="deltaLink"/>.</summary>
    public void RoundCompleted(string deltaLink, int items, DateTimeOffset now)
    {
        ResumeLink = Guard.Required(deltaLink, "Delta link", 8192);
        IsMidRound = false;
        IsFullRead = false;
        FullReadStartedAt = null;
        NotBefore = null;
        ItemsImported += items;
        LastCompletedAt = Guard.Utc(now, "Completion time");
    }

    public void Park(DateTimeOffset until) => NotBefore = Guard.Utc(until, "Not-before time");
}
