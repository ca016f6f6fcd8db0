using WorkSights.Domain.People;

namespace WorkSights.Web.Pages.Settings.Users;

/// <summary>The words a customer reads for people's roles, statuses and provisioning states (never the enum names).</summary>
public static class PeopleWords
{
    public static readonly PersonRole[] Roles = [PersonRole.Owner, PersonRole.TechnicalAdmin, PersonRole.Executive, PersonRole.Manager, PersonRole.Member];

    public static readonly ProvisioningState[] States = [ProvisioningState.New, ProvisioningState.Link, ProvisioningState.Blocked, ProvisioningState.AlreadyLinked];

    public static readonly PersonStatus[] Statuses = [PersonStatus.Active, PersonStatus.Inactive, PersonStatus.Removed];

    public static string Of(PersonRole role) => role == PersonRole.TechnicalAdmin ? "Technical Admin" : role.ToString();

    public static string Of(ProvisioningState state) => state == ProvisioningState.AlreadyLinked ? "Already linked" : state.ToString();

    /// <summary>Whether a person can sign in, in one word or two: their status first, then their login access.</summary>
    public static string AccessOf(PersonStatus status, bool hasLoginAccess) => status switch
    {
        PersonStatus.Removed => "Left the directory",
        PersonStatus.Inactive => "Inactive",
        _ => hasLoginAccess ? "Can sign in" : "No login",
    };

    /// <summary>Why a directory identity is not imported, as a short label.</summary>
    public static string Of(NotImportedReason reason) => reason switch
    {
        NotImportedReason.Guest => "Guest account",
        NotImportedReason.SharedMailbox => "Shared mailbox",
        NotImportedReason.Room => "Meeting room",
        NotImportedReason.Equipment => "Equipment",
        _ => "Not a person",
    };

    /// <summary>What a mailbox became, after "Became": "a shared mailbox".</summary>
    public static string BecameOf(NotImportedReason? reason) => reason switch
    {
        NotImportedReason.SharedMailbox => "a shared mailbox",
        NotImportedReason.Room => "a meeting room's mailbox",
        NotImportedReason.Equipment => "an equipment mailbox",
        NotImportedReason.Guest => "a guest account",
        _ => "another kind of mailbox",
    };

    /// <summary>What the label means for the customer: why nobody's work is read from it.</summary>
    public static string ExplainedOf(NotImportedReason reason) => reason switch
    {
        NotImportedReason.Guest => "Someone from another organisation invited into yours: their work is not your organisation's.",
        NotImportedReason.SharedMailbox => "A mailbox several people share: its mail is nobody's own work.",
        NotImportedReason.Room => "A room booked through its calendar: no person works in it.",
        NotImportedReason.Equipment => "Equipment booked through its calendar: no person works in it.",
        _ => "Not a person of your organisation.",
    };

    public static string Of(PersonStatus status) => status == PersonStatus.Removed ? "Left the directory" : status.ToString();
}
