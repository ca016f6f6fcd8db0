using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Ingestion;

/// <summary>The domains the workspace's own people use: the primary one and every other seen in the directory.</summary>
internal static class WorkspaceDomains
{
    public static async Task<IReadOnlySet<string>> ReadAsync(IApplicationDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var domains = (await db.People
            .Where(p => p.Status != PersonStatus.Removed)
            .Select(p => p.Email.Substring(p.Email.IndexOf('@') + 1))
            .Distinct()
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        domains.Add(tenant.PrimaryDomain);
        return domains;
    }
}
