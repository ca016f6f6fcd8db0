using WorkSights.Domain.Common;

namespace WorkSights.Domain.Directory;

/// <summary>Where the directory import of a workspace stands: the delta link to continue from and the last outcome.</summary>
public sealed class DirectorySyncState : ITenantOwned
{
    private DirectorySyncState()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>Opaque link returned by the provider; replayed unchanged on the next sync.</summary>
    public string? DeltaLink { get; private set; }

    public DateTimeOffset? LastSucceededAt { get; private set; }

    public DateTimeOffset? LastAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public int ImportedCount { get; private set; }

    /// <summary>Since when Microsoft has refused to let WorkSights read mailbox settings (the organisation consented before
    /// that permission was asked for); null while they can be read.</summary>
    public DateTimeOffset? MailboxSettingsDeniedSince { get; private set; }

    public static DirectorySyncState For(Guid tenantId) => new() { Id = Guid.NewGuid(), TenantId = tenantId };

    public void Succeeded(string deltaLink, int importedCount, DateTimeOffset now)
    {
        DeltaLink = Guard.Required(deltaLink, "Delta link", 4096);
        ImportedCount = importedCount;
        LastSucceededAt = LastAttemptAt = Guard.Utc(now, "Sync time");
        LastError = null;
    }

    public void Failed(string error, DateTimeOffset now)
    {
        LastAttemptAt = Guard.Utc(now, "Sync time");
        LastError = Guard.Required(error, "Error", 1000);
    }

    /// <summary>Mailbox settings were refused; the first refusal's time is kept.</summary>
    public void MailboxSettingsDenied(DateTimeOffset now) => MailboxSettingsDeniedSince ??= Guard.Utc(now, "Refusal time");

    public void MailboxSettingsAllowed() => MailboxSettingsDeniedSince = null;

    /// <summary>The provider no longer knows the delta link: the next sync starts over with a full import.</summary>
    public void ForgetDeltaLink() => DeltaLink = null;
}
