using WorkSights.Application.Common.Models;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.GetImportedPeople;

/// <param name="LinkTargets">For each Link row of the page: the person it is linked to or, while it has none, the person
/// with the same name whom it most likely is.</param>
/// <param name="NotImportedCount">Guests and shared, room and equipment mailboxes of the directory, which are not imported.</param>
/// <param name="AcceptsJoinersAutomatically">The workspace's "Accept joiners automatically" option.</param>
/// <param name="LinkCandidates">Whom an identity may be linked to (current, neither blocked nor linked themselves), by
/// name, at most <see cref="GetImportedPeopleQueryHandler.MaximumLinkCandidates"/>: the review's picker offers them.</param>
/// <param name="ConvertedMailboxes">People whose mailbox a sync found converted to shared, a room or equipment, waiting for
/// the choice to keep or stop reporting them, whatever the tab (at most <see cref="GetImportedPeopleQueryHandler.MaximumLinkCandidates"/>).</param>
public sealed record ImportedPeopleDto(
    PagedList<ImportedPersonDto> People,
    IReadOnlyDictionary<ProvisioningState, int> CountsByState,
    IReadOnlyDictionary<Guid, LinkTargetDto> LinkTargets,
    int NotImportedCount = 0,
    bool AcceptsJoinersAutomatically = false,
    IReadOnlyList<LinkCandidateDto>? LinkCandidates = null,
    IReadOnlyList<ImportedPersonDto>? ConvertedMailboxes = null);

public sealed record LinkCandidateDto(string DisplayName, string Email);

public sealed record LinkTargetDto(string DisplayName, string Email, bool IsSuggestion);

public sealed record ImportedPersonDto(
    Guid Id,
    string DisplayName,
    string Email,
    string? Department,
    string? JobTitle,
    PersonRole Role,
    bool HasLoginAccess,
    ProvisioningState ProvisioningState,
    PersonStatus Status,
    Guid? LinkedPersonId,
    NotImportedReason? ImportedDespite = null,
    NotImportedReason? MailboxConvertedTo = null,
    DateTimeOffset? MailboxConvertedAt = null);
