using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.Visibility;

/// <summary>Works out the signed-in person's <see cref="ViewerScope"/> from their role and the directory's manager relation.</summary>
public sealed class ViewerScopes(IApplicationDbContext db, ICurrentUser currentUser, ITenantContext tenant)
{
    private ViewerScope? current;

    /// <exception cref="ForbiddenAccessException">Nobody of this workspace is signed in.</exception>
    public async Task<ViewerScope> CurrentAsync(CancellationToken cancellationToken)
    {
        if (current is not null)
        {
            return current;
        }

        if (currentUser.PersonId is not { } viewerId || currentUser.Role is not { } role)
        {
            throw new ForbiddenAccessException("Sign in to see your workspace's activity.");
        }

        current = role switch
        {
            PersonRole.Owner or PersonRole.Executive => ViewerScope.Everyone(viewerId, role),
            PersonRole.Manager => ViewerScope.Only(viewerId, role, await ReportFilterQueries.ReportingTreeAsync(db, viewerId, cancellationToken), seesScores: true),
            PersonRole.Member => ViewerScope.Only(viewerId, role, [viewerId], await MembersSeeScoresAsync(cancellationToken)),
            _ => ViewerScope.Only(viewerId, role, [], seesScores: false),
        };
        return current;
    }

    private async Task<bool> MembersSeeScoresAsync(CancellationToken cancellationToken) =>
        await db.Tenants.AsNoTracking().Where(t => t.Id == tenant.TenantId).Select(t => (bool?)t.ScoresVisibleToMembers).FirstOrDefaultAsync(cancellationToken) ?? true;
}
