using WorkSights.Domain.Common;

namespace WorkSights.Domain.People;

/// <summary>
/// Which decisions the User Provisioning review accepts: an administrator takes an identity as New, Blocks it, or Links it
/// into another person; Already Linked is set by the directory match only. A Link target is a current, unblocked person
/// with no link of its own, so that merges never chain.
/// </summary>
public static class ProvisioningRules
{
    public static IReadOnlyList<ProvisioningState> ReviewChoices { get; } =
        [ProvisioningState.New, ProvisioningState.Link, ProvisioningState.Blocked];

    public static void EnsureMayReview(Person identity, ProvisioningState state, Person? linkTarget)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (!ReviewChoices.Contains(state))
        {
            throw new DomainRuleViolationException("Choose New, Link or Blocked: Already Linked is set by the directory match.");
        }

        if (state != ProvisioningState.Link)
        {
            return;
        }

        if (linkTarget is null)
        {
            throw new DomainRuleViolationException("Choose the person this identity links to.");
        }

        if (linkTarget.Id == identity.Id)
        {
            throw new DomainRuleViolationException("An identity cannot be linked to itself.");
        }

        if (linkTarget.TenantId != identity.TenantId)
        {
            throw new DomainRuleViolationException("The person to link to belongs to another workspace.");
        }

        if (linkTarget.Status == PersonStatus.Removed || linkTarget.ProvisioningState is ProvisioningState.Blocked or ProvisioningState.Link)
        {
            throw new DomainRuleViolationException($"{linkTarget.DisplayName} is blocked, linked to someone else or gone from the directory: link to a current person.");
        }
    }
}
