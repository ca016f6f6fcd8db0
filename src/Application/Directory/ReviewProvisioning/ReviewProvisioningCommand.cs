using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.ReviewProvisioning;

/// <summary>
/// A decision on the User Provisioning review for the ticked identities (<paramref name="PersonIds"/>) or for every
/// identity matching the page's filter (<paramref name="AllMatching"/>): take them as New, Block them, or Link them into
/// the person whose e-mail is <paramref name="LinkTargetEmail"/>. Answers how many identities changed.
/// </summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record ReviewProvisioningCommand(
    IReadOnlyList<Guid> PersonIds,
    ProvisioningFilter? AllMatching,
    ProvisioningState State,
    string? LinkTargetEmail = null) : ICommand<int>;

/// <summary>The User Provisioning page's filter: a state tab and a search in names and e-mails; null means any.</summary>
public sealed record ProvisioningFilter(ProvisioningState? State = null, string? Search = null);
