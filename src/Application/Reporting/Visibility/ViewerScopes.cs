using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.ApiKeys;
using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.Visibility;

/// <summary>
/// Works out the signed-in person's <see cref="ViewerScope"/> from their role, the directory's manager relation and the
/// workspace's settings (score visibility, privacy mode); for an integration client with the reports scope, the
/// workspace's everyone without a viewer of its own.
/// </summary>
public sealed class ViewerScopes(IApplicationDbContext db, ICurrentUser currentUser, ITenantContext tenant, IPseudonymKeys pseudonymKeys)
{
    private ViewerScope? current;

    /// <exception cref="ForbiddenAccessException">Nobody of this workspace is signed in.</exception>
    public async Task<ViewerScope> CurrentAsync(CancellationToken cancellationToken)
    {
        if (current is not null)
        {
            return current;
        }

        var client = currentUser.Client;
        if (client is not null && !client.Holds(ApiScopes.ReportsRead))
        {
            throw new ForbiddenAccessException("This API key may not read reports.");
        }

        if (client is null && (currentUser.PersonId is null || currentUser.Role is null))
        {
            throw new ForbiddenAccessException("Sign in to see your workspace's activity.");
        }

        var settings = await db.Tenants.AsNoTracking()
            .Where(t => t.Id == tenant.TenantId)
            .Select(t => new { t.ScoresVisibleToMembers, t.PrivacyModeOn, t.MinimumGroupSize, t.ProtectedPseudonymKey })
            .FirstOrDefaultAsync(cancellationToken);
        var privacy = settings is { PrivacyModeOn: true, ProtectedPseudonymKey: { } key }
            ? new PrivacyOfViewer(pseudonymKeys.Unprotect(key), settings.MinimumGroupSize)
            : null;

        if (client is not null)
        {
            current = ViewerScope.Integration(privacy);
            return current;
        }

        var viewerId = currentUser.PersonId!.Value;
        var role = currentUser.Role!.Value;
        current = role switch
        {
            PersonRole.Owner or PersonRole.Executive => ViewerScope.Everyone(viewerId, role, privacy),
            PersonRole.Manager => ViewerScope.Only(viewerId, role, await ReportFilterQueries.ReportingTreeAsync(db, viewerId, cancellationToken), seesScores: true, privacy),
            PersonRole.Member => ViewerScope.Only(viewerId, role, [viewerId], settings?.ScoresVisibleToMembers ?? true, privacy),
            _ => ViewerScope.Only(viewerId, role, [], seesScores: false, privacy),
        };
        return current;
    }
}
