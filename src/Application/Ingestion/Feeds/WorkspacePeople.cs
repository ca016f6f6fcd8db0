using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Ingestion.Feeds;

/// <summary>
/// Whom a workspace-wide feed's items can belong to: active people who are not Blocked, found by their directory id or
/// their address; a linked identity's items are its target's. Everyone else's items are skipped. Loaded once per feed sync.
/// </summary>
internal sealed class WorkspacePeople
{
    private readonly Dictionary<string, Guid> byDirectoryId;
    private readonly Dictionary<string, Guid> byAddress;
    private readonly Dictionary<string, Guid> linkedByDirectoryId;
    private readonly Dictionary<string, Guid> linkedByAddress;

    private WorkspacePeople(
        Dictionary<string, Guid> byDirectoryId,
        Dictionary<string, Guid> byAddress,
        Dictionary<string, Guid> linkedByDirectoryId,
        Dictionary<string, Guid> linkedByAddress,
        IReadOnlySet<string> domains)
    {
        this.byDirectoryId = byDirectoryId;
        this.byAddress = byAddress;
        this.linkedByDirectoryId = linkedByDirectoryId;
        this.linkedByAddress = linkedByAddress;
        Domains = domains;
    }

    /// <summary>The workspace's own domains: the primary one and every other its people's addresses use.</summary>
    public IReadOnlySet<string> Domains { get; }

    public static async Task<WorkspacePeople> LoadAsync(IApplicationDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        var people = await db.People
            .Where(Person.IsImportable)
            .Select(p => new { Id = p.LinkedPersonId ?? p.Id, Own = p.Id, p.LinkedPersonId, p.ExternalId, p.Email })
            .ToListAsync(cancellationToken);
        var domains = await WorkspaceDomains.ReadAsync(db, tenant, cancellationToken);
        var linked = people.Where(p => p.LinkedPersonId is not null).ToList();
        return new WorkspacePeople(
            people.ToDictionary(p => p.ExternalId, p => p.Id, StringComparer.OrdinalIgnoreCase),
            people.DistinctBy(p => p.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(p => p.Email, p => p.Id, StringComparer.OrdinalIgnoreCase),
            linked.ToDictionary(p => p.ExternalId, p => p.Own, StringComparer.OrdinalIgnoreCase),
            people.DistinctBy(p => p.Email, StringComparer.OrdinalIgnoreCase).Where(p => p.LinkedPersonId is not null)
                .ToDictionary(p => p.Email, p => p.Own, StringComparer.OrdinalIgnoreCase),
            domains);
    }

    /// <summary>
    /// The identity linked into another person that an item found by <see cref="Find"/> was read for, so that the item can
    /// go back to it if it is unlinked; null when the item is the found person's own.
    /// </summary>
    public Guid? LinkedIdentity(string? directoryId, string? address)
    {
        if (!string.IsNullOrWhiteSpace(directoryId) && byDirectoryId.ContainsKey(directoryId.Trim()))
        {
            return linkedByDirectoryId.TryGetValue(directoryId.Trim(), out var byId) ? byId : null;
        }

        return !string.IsNullOrWhiteSpace(address) && linkedByAddress.TryGetValue(address.Trim(), out var byMail) ? byMail : null;
    }

    /// <summary>The person an item belongs to, by directory id first and then by address; null when nobody importable.</summary>
    public Guid? Find(string? directoryId, string? address)
    {
        if (!string.IsNullOrWhiteSpace(directoryId) && byDirectoryId.TryGetValue(directoryId.Trim(), out var byId))
        {
            return byId;
        }

        return !string.IsNullOrWhiteSpace(address) && byAddress.TryGetValue(address.Trim(), out var byMail) ? byMail : null;
    }

    public bool IsWorkspaceAddress(string? address) =>
        address is not null && Domains.Contains(EmailAddresses.DomainOf(address));
}
