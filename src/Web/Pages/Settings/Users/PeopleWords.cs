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

    public static string Of(PersonStatus status) => status == PersonStatus.Removed ? "Left the directory" : status.ToString();
}
