using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Directory.ImportDirectory;

/// <summary>Applies directory pages to the workspace's people: joiners, changes and leavers, idempotently. Erased people stay erased.</summary>
internal sealed class DirectoryPageImport(
    IApplicationDbContext db,
    Tenant tenant,
    TimeProvider clock,
    IEnumerable<string> knownIdentities)
{
    private readonly HashSet<string> known = new(knownIdentities, StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> seen = new(StringComparer.OrdinalIgnoreCase);

    public int Added { get; private set; }

    public int Updated { get; private set; }

    public int Removed { get; private set; }

    public async Task ApplyAsync(DirectoryPage page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = page.Identities.Select(i => i.ExternalId).Concat(page.RemovedIds).ToList();
        var existing = await db.People.Where(p => ids.Contains(p.ExternalId)).ToDictionaryAsync(p => p.ExternalId, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var erased = (await db.ErasedIdentities.Where(e => ids.Contains(e.ExternalId)).Select(e => e.ExternalId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var identity in page.Identities)
        {
            seen.Add(identity.ExternalId);
            if (erased.Contains(identity.ExternalId) || ProvisioningPolicy.IsGuest(identity.UserPrincipalName, identity.IsGuest))
            {
                continue;
            }

            var email = identity.Mail ?? identity.UserPrincipalName;
            if (existing.TryGetValue(identity.ExternalId, out var person))
            {
                if (!identity.AccountEnabled && person.ProvisioningState != ProvisioningState.Blocked)
                {
                    // An account disabled since it was taken in is a leaver: kept for history, no longer read, no login;
                    // enabled again, it returns. One disabled from the start was blocked when imported and stays as it is.
                    if (person.Status != PersonStatus.Removed)
                    {
                        person.MarkRemovedFromDirectory(now);
                        Removed++;
                    }

                    continue;
                }

                var manager = identity.ManagerIncluded ? identity.ManagerExternalId : person.DirectoryManagerExternalId;
                if (person.ApplyDirectoryProfile(new DirectoryProfile(email, identity.DisplayName, identity.Department, identity.JobTitle, manager), now))
                {
                    Updated++;
                }

                continue;
            }

            var state = ProvisioningPolicy.Classify(
                email,
                identity.AccountEnabled,
                identity.HasLicense,
                tenant.PrimaryDomain,
                known.Contains(identity.ExternalId) || known.Contains(email));
            var profile = new DirectoryProfile(email, identity.DisplayName, identity.Department, identity.JobTitle, identity.ManagerExternalId);
            var joiner = Person.Import(tenant.Id, identity.ExternalId, profile, state, now);
            db.People.Add(joiner);
            existing[identity.ExternalId] = joiner;
            Added++;
        }

        foreach (var removedId in page.RemovedIds)
        {
            if (existing.TryGetValue(removedId, out var leaver) && leaver.Status != PersonStatus.Removed)
            {
                leaver.MarkRemovedFromDirectory(now);
                Removed++;
            }
        }
    }

    /// <summary>After a full import, whoever the directory no longer lists has left.</summary>
    public async Task RemoveUnseenAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = await db.People.Where(p => p.Status != PersonStatus.Removed).ToListAsync(cancellationToken);
        foreach (var person in current.Where(p => !seen.Contains(p.ExternalId)))
        {
            person.MarkRemovedFromDirectory(now);
            Removed++;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
