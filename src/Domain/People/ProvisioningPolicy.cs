using WorkSights.Domain.Common;

namespace WorkSights.Domain.People;

/// <summary>Decides how a newly seen directory identity enters the workspace.</summary>
public static class ProvisioningPolicy
{
    private static readonly string[] ServiceAccountPrefixes =
        ["svc-", "svc_", "svc.", "service-", "service.", "noreply", "no-reply", "donotreply", "test-", "test.", "system-"];

    public static bool IsGuest(string userPrincipalName, bool isGuestUserType) =>
        isGuestUserType || userPrincipalName.Contains("#EXT#", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why an identity is no person to import — a guest, or a shared, room or equipment mailbox — or null when it is one.
    /// A guest is a guest whatever its mailbox; a mailbox of unknown purpose is taken as a person's.
    /// </summary>
    public static NotImportedReason? WhyNotImported(string userPrincipalName, bool isGuestUserType, MailboxPurpose purpose)
    {
        if (IsGuest(userPrincipalName, isGuestUserType))
        {
            return NotImportedReason.Guest;
        }

        return purpose switch
        {
            MailboxPurpose.Shared => NotImportedReason.SharedMailbox,
            MailboxPurpose.Room => NotImportedReason.Room,
            MailboxPurpose.Equipment => NotImportedReason.Equipment,
            _ => null,
        };
    }

    /// <summary>
    /// The state of an identity that first appears after the workspace's first import: with "Accept joiners automatically"
    /// on, one that would wait as New is taken straight away (Already Linked); Link and Blocked still wait for review.
    /// </summary>
    public static ProvisioningState ForJoiner(ProvisioningState classified, bool acceptJoinersAutomatically) =>
        acceptJoinersAutomatically && classified == ProvisioningState.New ? ProvisioningState.AlreadyLinked : classified;

    /// <param name="email">The identity's primary email.</param>
    /// <param name="workspaceDomain">The workspace's primary domain.</param>
    /// <param name="isKnownProfile">Whether a WorkSights profile with this primary email already exists (someone who signed up).</param>
    public static ProvisioningState Classify(string email, bool accountEnabled, bool hasLicense, string workspaceDomain, bool isKnownProfile)
    {
        if (!accountEnabled || !hasLicense || LooksLikeServiceAccount(email))
        {
            return ProvisioningState.Blocked;
        }

        var domain = EmailAddresses.DomainOf(email);
        if (!string.Equals(domain, workspaceDomain, StringComparison.OrdinalIgnoreCase))
        {
            return ProvisioningState.Link;
        }

        return isKnownProfile ? ProvisioningState.AlreadyLinked : ProvisioningState.New;
    }

    private static bool LooksLikeServiceAccount(string email)
    {
        var local = email.Split('@')[0];
        return ServiceAccountPrefixes.Any(p => local.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }
}
