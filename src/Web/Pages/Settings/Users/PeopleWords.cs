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

    public static string Of(PersonStatus status) => status == PersonStatus.Removed ? "Left the directory" : status.ToString();
}
