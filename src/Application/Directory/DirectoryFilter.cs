using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory;

/// <summary>
/// Which people of the user directory are meant: a search in names and e-mails (case-insensitive), a team
/// (<see cref="NoTeam"/>: people without one), a role, a status (none: active and inactive, not those who left the
/// directory), login access, a provisioning state and a manager (their direct reports). Null means "any".
/// </summary>
public sealed record DirectoryFilter(
    string? Search = null,
    string? Team = null,
    PersonRole? Role = null,
    PersonStatus? Status = null,
    bool? LoginAccess = null,
    ProvisioningState? State = null,
    Guid? ManagerId = null)
{
    public const string NoTeam = "-";

    public const int MaximumSearchLength = 100;

    public static DirectoryFilter Everyone { get; } = new();
}

/// <summary>Applies a <see cref="DirectoryFilter"/> in SQL.</summary>
public static class DirectoryFilters
{
    public static IQueryable<Person> Matching(this IQueryable<Person> people, DirectoryFilter filter, IApplicationDbContext db)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(db);
        people = filter.Status is { } status ? people.Where(p => p.Status == status) : people.Where(p => p.Status != PersonStatus.Removed);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToLowerInvariant();
            people = people.Where(p => p.DisplayName.ToLower().Contains(term) || p.Email.Contains(term));
        }

        if (filter.Team == DirectoryFilter.NoTeam)
        {
            people = people.Where(p => p.Department == null);
        }
        else if (!string.IsNullOrWhiteSpace(filter.Team))
        {
            var team = filter.Team.Trim();
            people = people.Where(p => p.Department == team);
        }

        if (filter.Role is { } role)
        {
            people = people.Where(p => p.Role == role);
        }

        if (filter.LoginAccess is { } loginAccess)
        {
            people = people.Where(p => p.HasLoginAccess == loginAccess);
        }

        if (filter.State is { } state)
        {
            people = people.Where(p => p.ProvisioningState == state);
        }

        if (filter.ManagerId is { } managerId)
        {
            // Uncorrelated: SQLite reads the manager's id once and walks the (TenantId, ManagerExternalId) index. A manager
            // not found matches nobody, not the people without a manager (C#'s null == null).
            people = people.Where(p => p.ManagerExternalId != null && p.ManagerExternalId == db.People.Where(m => m.Id == managerId).Select(m => m.ExternalId).FirstOrDefault());
        }

        return people;
    }
}
