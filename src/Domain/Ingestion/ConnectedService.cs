using WorkSights.Domain.Common;
using WorkSights.Domain.Tenants;

namespace WorkSights.Domain.Ingestion;

/// <summary>A workspace's connection to its provider for activity metadata: which features are on and how the syncing goes.</summary>
public sealed class ConnectedService : ITenantOwned
{
    private int disabledFeatures;

    private ConnectedService()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public IdentityProvider Provider { get; private set; }

    public bool IsDisconnected { get; private set; }

    public DateTimeOffset? RunStartedAt { get; private set; }

    public DateTimeOffset? RunCompletedAt { get; private set; }

    /// <summary>Set when the app started again and found a run that its previous process had not finished.</summary>
    public DateTimeOffset? RunInterruptedAt { get; private set; }

    public int PeopleInRun { get; private set; }

    public int PeopleDone { get; private set; }

    public DateTimeOffset? ThrottledUntil { get; private set; }

    public DateTimeOffset? NextSyncAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? LastErrorAt { get; private set; }

    /// <summary>The tenant's unified audit log is off: files, chat, mailbox access and audit logins cannot be read.</summary>
    public DateTimeOffset? AuditLogOffSince { get; private set; }

    public bool IsAuditLogOff => AuditLogOffSince is not null;

    public bool IsRunning => RunStartedAt is { } started
        && (RunCompletedAt is null || RunCompletedAt < started)
        && (RunInterruptedAt is null || RunInterruptedAt < started);

    /// <summary>The last run was cut short by a restart and no run has started since.</summary>
    public bool WasInterrupted => RunInterruptedAt is { } interrupted && RunStartedAt is { } started && interrupted >= started;

    public static ConnectedService For(Guid tenantId, IdentityProvider provider) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = tenantId != Guid.Empty ? tenantId : throw new DomainRuleViolationException("A connection belongs to a workspace."),
        Provider = provider,
    };

    public bool IsEnabled(ServiceFeature feature) => (disabledFeatures & Bit(feature)) == 0;

    public IReadOnlyList<ServiceFeature> EnabledFeatures => Enum.GetValues<ServiceFeature>().Where(IsEnabled).ToList();

    public void SetFeature(ServiceFeature feature, bool enabled) =>
        disabledFeatures = enabled ? disabledFeatures & ~Bit(feature) : disabledFeatures | Bit(feature);

    public void Disconnect()
    {
        IsDisconnected = true;
        NextSyncAt = null;
    }

    public void Reconnect(DateTimeOffset now)
    {
        IsDisconnected = false;
        NextSyncAt = Guard.Utc(now, "Next sync time");
    }

    public void RunStarted(int people, DateTimeOffset now)
    {
        RunStartedAt = Guard.Utc(now, "Start time");
        PeopleInRun = Math.Max(0, people);
        PeopleDone = 0;
    }

    /// <summary>
    /// The process that ran the sync is gone: its run is over, and since every page was stored with its checkpoint the next
    /// run starts at once and resumes where this one stopped.
    /// </summary>
    public void MarkInterrupted(DateTimeOffset now)
    {
        if (!IsRunning)
        {
            return;
        }

        RunInterruptedAt = Guard.Utc(now, "Interruption time");
        if (!IsDisconnected)
        {
            NextSyncAt = RunInterruptedAt;
        }
    }

    /// <summary>When the next sync runs, or why none will: never a time already past.</summary>
    public NextSync NextSyncFor(TenantStatus tenantStatus, DateTimeOffset now)
    {
        if (tenantStatus == TenantStatus.ConsentRevoked)
        {
            return new NextSync(NextSyncState.PausedConsentRevoked, null);
        }

        if (IsDisconnected)
        {
            return new NextSync(NextSyncState.PausedDisconnected, null);
        }

        if (IsRunning)
        {
            return new NextSync(NextSyncState.AfterCurrentRun, null);
        }

        if (NextSyncAt is null)
        {
            return new NextSync(NextSyncState.PausedDisconnected, null);
        }

        var at = ThrottledUntil is { } until && until > NextSyncAt ? until : NextSyncAt.Value;
        return at <= now ? new NextSync(NextSyncState.Now, null) : new NextSync(NextSyncState.Scheduled, at);
    }

    public void PersonDone() => PeopleDone = Math.Min(PeopleInRun, PeopleDone + 1);

    /// <summary>Progress reported by parallel workers may arrive out of order: it never goes back.</summary>
    public void PeopleDoneSoFar(int people) => PeopleDone = Math.Clamp(people, PeopleDone, PeopleInRun);

    public void RunCompleted(DateTimeOffset now, DateTimeOffset nextSyncAt)
    {
        RunCompletedAt = Guard.Utc(now, "Completion time");
        NextSyncAt = Guard.Utc(nextSyncAt, "Next sync time");
        PeopleDone = PeopleInRun;
    }

    public void Throttled(DateTimeOffset until) =>
        ThrottledUntil = ThrottledUntil is { } current && current > until ? current : Guard.Utc(until, "Throttle time");

    public void RecordError(string message, DateTimeOffset now)
    {
        LastError = Guard.Required(message, "Error", 1000);
        LastErrorAt = Guard.Utc(now, "Error time");
    }

    public void AuditLogUnavailable(DateTimeOffset now) => AuditLogOffSince ??= Guard.Utc(now, "Audit log time");

    public void AuditLogAvailable() => AuditLogOffSince = null;

    public void ScheduleNextSync(DateTimeOffset at) => NextSyncAt = Guard.Utc(at, "Next sync time");

    /// <summary>What Service View says, in order of what matters most to the reader.</summary>
    /// <remarks>A problem recorded as a run completes (same instant) belongs to that run and shows as an error.</remarks>
    public ConnectionStatus StatusAt(TenantStatus tenantStatus, DateTimeOffset now)
    {
        if (tenantStatus == TenantStatus.ConsentRevoked)
        {
            return ConnectionStatus.ConsentRevoked;
        }

        if (IsDisconnected)
        {
            return ConnectionStatus.Disconnected;
        }

        if (ThrottledUntil is { } until && until > now)
        {
            return ConnectionStatus.Throttled;
        }

        if (IsRunning || NextSyncAt <= now)
        {
            return ConnectionStatus.Syncing;
        }

        if (IsAuditLogOff)
        {
            return ConnectionStatus.AuditLogNotEnabled;
        }

        return LastErrorAt is { } errorAt && (RunCompletedAt is null || errorAt >= RunCompletedAt)
            ? ConnectionStatus.Error
            : ConnectionStatus.Connected;
    }

    private static int Bit(ServiceFeature feature) =>
        Enum.IsDefined(feature) ? 1 << (int)feature : throw new DomainRuleViolationException("Unknown feature.");
}
