using WorkSights.Domain.Common;

namespace WorkSights.Domain.People;

/// <summary>
/// A directory identity that is not a person to import — a guest, a shared mailbox, a room or equipment — kept with its
/// reason so that the User Provisioning review can show it. It has no activity, no days and no login: nothing of it is read.
/// </summary>
public sealed class NotImportedIdentity : ITenantOwned
{
    private NotImportedIdentity()
    {
        ExternalId = Email = DisplayName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>The directory's immutable id of the identity (the Entra <c>oid</c>).</summary>
    public string ExternalId { get; private set; }

    public string Email { get; private set; }

    public string DisplayName { get; private set; }

    public NotImportedReason Reason { get; private set; }

    public DateTimeOffset FirstSeenAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static NotImportedIdentity Record(Guid tenantId, string externalId, string email, string displayName, NotImportedReason reason, DateTimeOffset now)
    {
        if (tenantId == Guid.Empty)
        {
            throw new DomainRuleViolationException("An identity belongs to a workspace.");
        }

        var identity = new NotImportedIdentity
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            ExternalId = Guard.Required(externalId, "External id", 64).ToLowerInvariant(),
            FirstSeenAt = Guard.Utc(now, "First seen"),
        };
        identity.Refresh(email, displayName, reason, now);
        return identity;
    }

    /// <summary>Takes the directory's current name, address and reason; true when anything changed.</summary>
    public bool Refresh(string email, string displayName, NotImportedReason reason, DateTimeOffset now)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new DomainRuleViolationException("Unknown reason for not importing an identity.");
        }

        var address = Guard.Required(email, "Email", 320).ToLowerInvariant();
        var name = Guard.Required(displayName, "Display name", 256);
        if (address == Email && name == DisplayName && reason == Reason)
        {
            return false;
        }

        Email = address;
        DisplayName = name;
        Reason = reason;
        UpdatedAt = Guard.Utc(now, "Update time");
        return true;
    }
}
