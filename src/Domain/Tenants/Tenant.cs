using WorkSights.Domain.Common;
using WorkSights.Domain.Privacy;

namespace WorkSights.Domain.Tenants;

/// <summary>
/// A workspace: one organisation connected through its identity provider. It becomes usable once an
/// administrator of the organisation has granted consent, and it survives revocation so that consent can be
/// granted again.
/// </summary>
public sealed class Tenant
{
    private Tenant()
    {
        Name = PrimaryDomain = ExternalTenantId = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string PrimaryDomain { get; private set; }

    public IdentityProvider Provider { get; private set; }

    /// <summary>The provider's own id of the organisation (the Entra <c>tid</c>).</summary>
    public string ExternalTenantId { get; private set; }

    public TenantStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ConsentGrantedAt { get; private set; }

    public DateTimeOffset? ConsentRevokedAt { get; private set; }

    /// <summary>While consent is revoked: when WorkSights last asked Microsoft whether it was granted again.</summary>
    public DateTimeOffset? ConsentCheckedAt { get; private set; }

    /// <summary>Consent came back without anyone reconnecting in WorkSights (granted again in the provider's admin centre).</summary>
    public DateTimeOffset? ConsentRecoveredAt { get; private set; }

    public string? Industry { get; private set; }

    public CompanySize? Size { get; private set; }

    public string? CountryCode { get; private set; }

    public string? TimeZoneId { get; private set; }

    public string? ScheduleWorkDays { get; private set; }

    public TimeOnly? ScheduleStart { get; private set; }

    public TimeOnly? ScheduleEnd { get; private set; }

    public int? DefaultTargetPercent { get; private set; }

    public DateTimeOffset? SetupCompletedAt { get; private set; }

    /// <summary>When an Owner deleted the workspace; its rows are erased in the background from then on.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>When false, Members see their own activity but no score: neither theirs nor anyone's.</summary>
    public bool ScoresVisibleToMembers { get; private set; } = true;

    /// <summary>
    /// When true, identities that first appear in a directory sync after the first import become people straight away
    /// (Already Linked) instead of waiting on the User Provisioning review as New.
    /// </summary>
    public bool AcceptsJoinersAutomatically { get; private set; }

    /// <summary>Activities and their results older than this many days are purged daily; null keeps them.</summary>
    public int? RetentionDays { get; private set; }

    /// <summary>People other than the viewer appear under pseudonyms and small groups are withheld (<see cref="PrivacyMode"/>).</summary>
    public bool PrivacyModeOn { get; private set; }

    public int MinimumGroupSize { get; private set; } = PrivacyMode.DefaultMinimumGroupSize;

    /// <summary>The workspace's pseudonym secret, encrypted at rest; kept when privacy mode is turned off so pseudonyms stay stable.</summary>
    public string? ProtectedPseudonymKey { get; private set; }

    public bool IsSetupComplete => SetupCompletedAt is not null;

    public CompanyDetails? Details => SetupCompletedAt is null
        ? null
        : new CompanyDetails(
            Name,
            Industry!,
            Size!.Value,
            CountryCode!,
            TimeZoneId!,
            new WorkSchedule(ParseDays(ScheduleWorkDays!), ScheduleStart!.Value, ScheduleEnd!.Value),
            DefaultTargetPercent!.Value);

    public static Tenant StartSignUp(IdentityProvider provider, string externalTenantId, string primaryDomain, DateTimeOffset now)
    {
        var domain = Guard.Required(primaryDomain, "Primary domain", 253).ToLowerInvariant();
        return new Tenant
        {
            Id = Guid.NewGuid(),
            Provider = provider,
            ExternalTenantId = Guard.Required(externalTenantId, "External tenant id", 64).ToLowerInvariant(),
            PrimaryDomain = domain,
            Name = domain,
            Status = TenantStatus.PendingConsent,
            CreatedAt = Guard.Utc(now, "Creation time"),
        };
    }

    /// <summary>Consent was granted, for the first time or again after a revocation.</summary>
    public void GrantConsent(DateTimeOffset now)
    {
        if (Status == TenantStatus.Deleted)
        {
            throw new DomainRuleViolationException("A deleted workspace cannot be connected again: sign up afresh.");
        }

        Status = TenantStatus.Active;
        ConsentGrantedAt = Guard.Utc(now, "Consent time");
        ConsentRevokedAt = null;
        ConsentCheckedAt = null;
        ConsentRecoveredAt = null;
    }

    /// <summary>A re-check found the consent granted again: the connection is restored, and it says so.</summary>
    public void RecoverConsent(DateTimeOffset now)
    {
        if (Status != TenantStatus.ConsentRevoked)
        {
            throw new DomainRuleViolationException("Only a workspace whose consent was revoked can recover it.");
        }

        GrantConsent(now);
        ConsentRecoveredAt = ConsentGrantedAt;
    }

    /// <summary>A re-check found the consent still revoked.</summary>
    public void ConsentStillRevoked(DateTimeOffset now)
    {
        if (Status == TenantStatus.ConsentRevoked)
        {
            ConsentCheckedAt = Guard.Utc(now, "Check time");
        }
    }

    /// <summary>When a revoked consent is next asked about, every <paramref name="interval"/>; null while consent is in effect.</summary>
    public DateTimeOffset? NextConsentCheckAt(TimeSpan interval) =>
        Status == TenantStatus.ConsentRevoked ? (ConsentCheckedAt ?? ConsentRevokedAt) + interval : null;

    /// <summary>Closes the workspace for good: from now on it is no longer found, and its rows wait to be erased.</summary>
    public void Delete(DateTimeOffset now)
    {
        if (Status == TenantStatus.Deleted)
        {
            throw new DomainRuleViolationException("The workspace is already deleted.");
        }

        Status = TenantStatus.Deleted;
        DeletedAt = Guard.Utc(now, "Deletion time");
    }

    public void RevokeConsent(DateTimeOffset now)
    {
        if (Status != TenantStatus.Active)
        {
            throw new DomainRuleViolationException("Only an active workspace can lose its consent.");
        }

        Status = TenantStatus.ConsentRevoked;
        ConsentRevokedAt = Guard.Utc(now, "Revocation time");
        ConsentCheckedAt = null;
        ConsentRecoveredAt = null;
    }

    public void CompleteAccountSetup(CompanyDetails details, string primaryDomain, DateTimeOffset now)
    {
        if (Status == TenantStatus.PendingConsent)
        {
            throw new DomainRuleViolationException("Account setup needs an administrator's consent first.");
        }

        Name = details.Name;
        PrimaryDomain = Guard.Required(primaryDomain, "Primary domain", 253).ToLowerInvariant();
        Industry = details.Industry;
        Size = details.Size;
        CountryCode = details.CountryCode;
        TimeZoneId = details.TimeZoneId;
        ScheduleWorkDays = string.Join(',', details.DefaultSchedule.WorkDays.Select(d => (int)d));
        ScheduleStart = details.DefaultSchedule.Start;
        ScheduleEnd = details.DefaultSchedule.End;
        DefaultTargetPercent = details.DefaultTargetPercent;
        SetupCompletedAt ??= Guard.Utc(now, "Setup time");
    }

    /// <summary>The schedule, target and time zone of everyone who has none of their own.</summary>
    public void ChangeDefaultSchedule(WorkSchedule schedule, int targetPercent, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var current = Details ?? throw new DomainRuleViolationException("Finish the account setup before changing the default schedule.");
        var changed = new CompanyDetails(current.Name, current.Industry, current.Size, current.CountryCode, timeZoneId, schedule, targetPercent);
        TimeZoneId = changed.TimeZoneId;
        ScheduleWorkDays = string.Join(',', changed.DefaultSchedule.WorkDays.Select(d => (int)d));
        ScheduleStart = changed.DefaultSchedule.Start;
        ScheduleEnd = changed.DefaultSchedule.End;
        DefaultTargetPercent = changed.DefaultTargetPercent;
    }

    /// <summary>The company as an Owner describes it on Account View; the schedule, target and time zone stay as they are.</summary>
    public void ChangeCompanyDetails(string name, string primaryDomain, string industry, CompanySize size, string countryCode)
    {
        var current = Details ?? throw new DomainRuleViolationException("Finish the account setup before changing the company details.");
        var changed = new CompanyDetails(name, industry, size, countryCode, current.TimeZoneId, current.DefaultSchedule, current.DefaultTargetPercent);
        Name = changed.Name;
        PrimaryDomain = Guard.Required(primaryDomain, "Primary domain", 253).ToLowerInvariant();
        Industry = changed.Industry;
        Size = changed.Size;
        CountryCode = changed.CountryCode;
    }

    /// <summary>Keeps activities and results for <paramref name="days"/> days, or, given null, until the workspace is deleted.</summary>
    public void KeepActivitiesFor(int? days)
    {
        if (days is { } kept && !DataRetention.Allows(kept))
        {
            throw new DomainRuleViolationException(
                $"Activities are kept between {DataRetention.MinimumDays} and {DataRetention.MaximumDays} days.");
        }

        RetentionDays = days;
    }

    private static DayOfWeek[] ParseDays(string days) =>
        days.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => (DayOfWeek)int.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    public void ShowScoresToMembers(bool visible) => ScoresVisibleToMembers = visible;

    public void AcceptJoinersAutomatically(bool accept) => AcceptsJoinersAutomatically = accept;

    /// <param name="newProtectedKey">Makes a fresh secret; asked only when the workspace has none yet.</param>
    public void TurnOnPrivacyMode(int minimumGroupSize, Func<string> newProtectedKey)
    {
        if (!PrivacyMode.AllowsMinimumGroupSize(minimumGroupSize))
        {
            throw new DomainRuleViolationException(
                $"The minimum group size is between {PrivacyMode.SmallestMinimumGroupSize} and {PrivacyMode.LargestMinimumGroupSize} people.");
        }

        ArgumentNullException.ThrowIfNull(newProtectedKey);
        ProtectedPseudonymKey ??= Guard.Required(newProtectedKey(), "Pseudonym key", 1000);
        MinimumGroupSize = minimumGroupSize;
        PrivacyModeOn = true;
    }

    public void TurnOffPrivacyMode() => PrivacyModeOn = false;
}
