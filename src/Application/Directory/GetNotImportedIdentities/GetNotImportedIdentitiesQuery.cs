using Mediator;
using WorkSights.Application.Common.Models;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.GetNotImportedIdentities;

/// <summary>The directory's guests and shared, room and equipment mailboxes, which are not imported, for the User Provisioning review's "Not imported" tab.</summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record GetNotImportedIdentitiesQuery(string? Search, int Page = 1, int PageSize = 50) : IQuery<PagedList<NotImportedIdentityDto>>;

public sealed record NotImportedIdentityDto(Guid Id, string DisplayName, string Email, NotImportedReason Reason, DateTimeOffset FirstSeenAt);
