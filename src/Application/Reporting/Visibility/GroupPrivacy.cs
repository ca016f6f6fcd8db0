using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Privacy;

namespace WorkSights.Application.Reporting.Visibility;

/// <summary>
/// Under privacy mode, lets a reporting query show a group's figures only when <see cref="GroupDisclosure"/> allows it, and
/// remembers each group shown. A repeated view of the same group writes nothing, so it keeps the reporting page cache.
/// </summary>
public sealed class GroupPrivacy(IApplicationDbContext db, ITenantContext tenant, TimeProvider clock)
{
    /// <summary>The group is everyone reported on whom the viewer sees and the filter's team and manager select.</summary>
    /// <exception cref="GroupWithheldException">The group is smaller than the minimum, or too close to one already shown.</exception>
    public async Task EnsureShownAsync(ViewerScope scope, ReportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(filter);
        if (scope.MinimumGroupSize is not { } minimum || tenant.TenantId is not { } tenantId)
        {
            return;
        }

        var members = await (await db.People.AsNoTracking().VisibleTo(scope).ReportedOn().FilteredByAsync(filter, db, cancellationToken))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        var group = GroupMembers.Of(members);
        var selection = SelectionOf(scope, filter);
        var nearby = await db.ShownGroups
            .Where(g => g.Selection == selection || (g.Size > group.Count - minimum && g.Size < group.Count + minimum))
            .ToListAsync(cancellationToken);
        var verdict = GroupDisclosure.Judge(group, selection, nearby, minimum);
        if (!verdict.IsShown)
        {
            throw new GroupWithheldException(verdict.Reason!);
        }

        if (group.Count == 0)
        {
            return;
        }

        var known = nearby.FirstOrDefault(g => g.Selection == selection);
        if (known is not null && known.Members.AsSpan().SequenceEqual(group.ToBytes()))
        {
            return;
        }

        var label = await LabelOfAsync(scope, filter, cancellationToken);

        var shown = known ?? db.ShownGroups.Add(ShownGroup.Record(tenantId, selection, label, group, clock.GetUtcNow())).Entity;
        if (known is not null)
        {
            known.Replace(label, group, clock.GetUtcNow());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request recorded the same selection at the same moment: its row stands for this one.
            db.ShownGroups.Entry(shown).State = EntityState.Detached;
        }
    }

    /// <remarks>The person and role parts are added only when chosen, so that selections recorded before they existed still match.</remarks>
    private static string SelectionOf(ViewerScope scope, ReportFilter filter) =>
        $"{(scope.SeesEveryone ? "everyone" : $"scope:{scope.ViewerId:N}")}|team:{filter.Team}|manager:{filter.ManagerId:N}"
        + (filter.PersonId is { } personId ? $"|person:{personId:N}" : string.Empty)
        + (filter.JobTitle is { } jobTitle ? $"|role:{jobTitle}" : string.Empty);

    private async Task<string> LabelOfAsync(ViewerScope scope, ReportFilter filter, CancellationToken cancellationToken)
    {
        var manager = filter.ManagerId is { } managerId
            ? await db.People.AsNoTracking().Where(p => p.Id == managerId).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var team = filter.Team switch
        {
            null => null,
            ReportFilter.NoTeam => "people without a team",
            var name => $"team {name}",
        };
        var selected = (team, manager) switch
        {
            (null, null) => scope.SeesEveryone ? "everyone" : "a manager's reporting line",
            ({ } t, null) => t,
            (null, { } m) => $"{m} and their reports",
            ({ } t, { } m) => $"{t} under {m}",
        };
        var narrowed = selected
            + (filter.JobTitle is { } jobTitle ? $", role {jobTitle}" : string.Empty)
            + (filter.PersonId is not null ? ", one person" : string.Empty);
        return scope.SeesEveryone || (team is null && manager is null) ? narrowed : $"{narrowed}, within a manager's reporting line";
    }
}
