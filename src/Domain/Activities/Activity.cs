using WorkSights.Domain.Common;

namespace WorkSights.Domain.Activities;

/// <summary>
/// One item of metadata on a person's timeline: what kind of work it was, when, from which service and how much
/// time it is credited with. It never holds content.
/// </summary>
public sealed class Activity : ITenantOwned
{
    public static readonly TimeSpan MaximumCreditedDuration = TimeSpan.FromHours(10);

    private Activity()
    {
        ExternalId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PersonId { get; private set; }

    /// <summary>
    /// The identity the item was read for when it is not <see cref="PersonId"/>: an identity linked into the person (a second
    /// address). Unlinked again, the identity takes these items back. Null for the person's own items.
    /// </summary>
    public Guid? SourcePersonId { get; private set; }

    public ActivityKind Kind { get; private set; }

    public ActivitySource Source { get; private set; }

    public ActivityCategory Category => CategoryOf(Kind);

    public DateTimeOffset OccurredAt { get; private set; }

    public TimeSpan CreditedDuration { get; private set; }

    /// <summary>False for items shown on the timeline but not counted: calendar blocks and items over the maximum.</summary>
    public bool IsScored { get; private set; }

    public string? Title { get; private set; }

    public int CounterpartCount { get; private set; }

    public bool IsExternal { get; private set; }

    /// <summary>City-level location of the network the item came from, when the source tells it.</summary>
    public ActivityLocation? Location { get; private set; }

    /// <summary>The network address the item came from, when the source tells it.</summary>
    public string? ClientIp { get; private set; }

    /// <summary>
    /// The cloud provider whose network the item came from, when it did: the item is still work, but its location is
    /// the provider's datacenter, not where the person was.
    /// </summary>
    public string? CloudProvider { get; private set; }

    public const int MaximumCloudProviderLength = 60;

    /// <summary>The source's id of the item; with the tenant and source it identifies the item across syncs.</summary>
    public string ExternalId { get; private set; }

    /// <summary>When a sync last read this item at its source; a full re-read removes what it did not see again.</summary>
    public DateTimeOffset SyncedAt { get; private set; }

    /// <summary>A person's own estimate replaces the default credit and survives later syncs.</summary>
    public bool IsCorrected { get; private set; }

    /// <remarks>The id is time-ordered (UUID version 7): new rows land at the end of the primary key's index instead of
    /// on a random page of it, which a backfill of hundreds of thousands of rows pays for at every commit.</remarks>
    public static Activity Record(ActivityRecord record, DateTimeOffset syncedAt)
    {
        var activity = new Activity { Id = Guid.CreateVersion7(syncedAt) };
        activity.Apply(record, syncedAt);
        return activity;
    }

    /// <summary>The source changed the item (moved, renamed, new attendees); a corrected estimate is kept.</summary>
    public void Refresh(ActivityRecord record, DateTimeOffset syncedAt)
    {
        if (record.TenantId != TenantId || record.PersonId != PersonId || record.Source != Source || record.ExternalId != ExternalId)
        {
            throw new DomainRuleViolationException("An activity can only be refreshed from the same source item.");
        }

        var corrected = IsCorrected ? CreditedDuration : (TimeSpan?)null;
        Apply(record, syncedAt);
        if (corrected is { } duration)
        {
            CreditedDuration = duration;
        }
    }

    private void Apply(ActivityRecord record, DateTimeOffset syncedAt)
    {
        if (record.TenantId == Guid.Empty || record.PersonId == Guid.Empty)
        {
            throw new DomainRuleViolationException("An activity belongs to one person of one workspace.");
        }

        if (!Enum.IsDefined(record.Kind) || !Enum.IsDefined(record.Source))
        {
            throw new DomainRuleViolationException("An activity needs a known kind and source.");
        }

        if (record.Duration < TimeSpan.Zero)
        {
            throw new DomainRuleViolationException("An activity cannot last a negative time.");
        }

        if (record.CounterpartCount < 0)
        {
            throw new DomainRuleViolationException("The number of counterparts cannot be negative.");
        }

        var overLong = record.Duration > MaximumCreditedDuration;
        TenantId = record.TenantId;
        PersonId = record.PersonId;
        SourcePersonId = record.SourcePersonId == record.PersonId ? null : record.SourcePersonId;
        Kind = record.Kind;
        Source = record.Source;
        OccurredAt = Guard.Utc(record.OccurredAt, "Activity time");
        CreditedDuration = overLong ? TimeSpan.Zero : record.Duration;
        IsScored = !overLong && record.Kind is not (ActivityKind.CalendarBlock or ActivityKind.MailboxAccess);
        Title = Guard.Optional(Truncate(record.Title), "Title", 400);
        CounterpartCount = record.CounterpartCount;
        IsExternal = record.IsExternal;
        ExternalId = Guard.Required(record.ExternalId, "External id", 512);
        Location = record.Location is { IsKnown: true } location ? location : null;
        ClientIp = ClientIpOf(record.ClientIp);
        CloudProvider = Guard.Optional(record.CloudProvider, "Cloud provider", MaximumCloudProviderLength);
        SyncedAt = Guard.Utc(syncedAt, "Sync time");
    }

    /// <summary>An IPv4 or IPv6 address, without the port some sources append; anything else is dropped.</summary>
    private static string? ClientIpOf(string? value) =>
        value is { Length: <= 64 } && System.Net.IPEndPoint.TryParse(value.Trim(), out var endpoint) ? endpoint.Address.ToString() : null;

    private static string? Truncate(string? title) =>
        title is { Length: > 400 } ? title[..(char.IsHighSurrogate(title[399]) ? 399 : 400)] : title;

    /// <summary>A person corrects the estimate of one item; the maximum still applies.</summary>
    public void CorrectCreditedDuration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero || duration > MaximumCreditedDuration)
        {
            throw new DomainRuleViolationException("A credited duration must be between 0 and 10 hours.");
        }

        CreditedDuration = duration;
        IsCorrected = true;
    }

    public static ActivityCategory CategoryOf(ActivityKind kind) => kind switch
    {
        ActivityKind.EmailSent or ActivityKind.MailboxAccess => ActivityCategory.Email,
        ActivityKind.Meeting or ActivityKind.CalendarResponse => ActivityCategory.Meeting,
        ActivityKind.CalendarBlock => ActivityCategory.CalendarBlock,
        ActivityKind.Call => ActivityCategory.Call,
        ActivityKind.ChatMessage => ActivityCategory.Chat,
        ActivityKind.FileAction => ActivityCategory.File,
        ActivityKind.SignIn => ActivityCategory.Login,
        _ => throw new DomainRuleViolationException("Unknown activity kind."),
    };
}
