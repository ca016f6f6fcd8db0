using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Directory.ImportDirectory;

/// <summary>
/// Applies directory pages to the workspace's people: joiners, changes and leavers, idempotently. Erased people stay erased.
/// Guests and shared, room and equipment mailboxes are no people: they are recorded with the reason, never imported.
/// </summary>
/// <param name="isFirstImport">The workspace's first import after sign-up: its identities are the organisation as it
/// stands, not joiners, so "Accept joiners automatically" does not apply to them.</param>
/// <param name="recheckChangedMailboxes">An incremental (delta) import: a person it lists has changed in the directory.
/// Converting a mailbox to shared, a room or equipment normally comes with its licence removed (such mailboxes need none),
/// so the purpose of a changed person left without a licence is read again — one request for each such person, never one
/// for each change. A conversion that keeps the licence, and every full import, are left to the daily mailbox-settings read.</param>
internal sealed class DirectoryPageImport(
    IApplicationDbContext db,
    Tenant tenant,
    TimeProvider clock,
    IMailboxSettingsReader mailboxes,
    bool isFirstImport,
    IEnumerable<string> knownIdentities,
    bool recheckChangedMailboxes = false)
{
    /// <summary>As the work-settings import: four different mailboxes at a time, a small share of the app's limits.</summary>
    private const int MailboxesAtOnce = 4;

    private readonly HashSet<string> known = new(knownIdentities, StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> seen = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Set once the organisation refused the mailbox-settings read: purposes are then unknown for the rest of the import.</summary>
    private bool purposesDenied;

    public int Added { get; private set; }

    public int Updated { get; private set; }

    public int Removed { get; private set; }

    public int NotImported { get; private set; }

    /// <summary>People whose mailbox this import found converted to shared, a room or equipment.</summary>
    public int MailboxesConverted { get; private set; }

    public async Task ApplyAsync(DirectoryPage page, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = page.Identities.Select(i => i.ExternalId).Concat(page.RemovedIds).ToList();
        var existing = await db.People.Where(p => ids.Contains(p.ExternalId)).ToDictionaryAsync(p => p.ExternalId, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var excluded = await db.NotImportedIdentities.Where(e => ids.Contains(e.ExternalId)).ToDictionaryAsync(e => e.ExternalId, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var erased = (await db.ErasedIdentities.Where(e => ids.Contains(e.ExternalId)).Select(e => e.ExternalId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var purposes = await PurposesAsync(
            page.Identities.Where(i => !erased.Contains(i.ExternalId) && !existing.ContainsKey(i.ExternalId) && !ProvisioningPolicy.IsGuest(i.UserPrincipalName, i.IsGuest)),
            cancellationToken);
        var rechecked = recheckChangedMailboxes
            ? await PurposesAsync(
                page.Identities.Where(i => !i.HasLicense && i.AccountEnabled && !ProvisioningPolicy.IsGuest(i.UserPrincipalName, i.IsGuest)
                    && existing.TryGetValue(i.ExternalId, out var p) && p.ImportedDespite is null && p.MailboxConvertedTo is null
                    && p.Status == PersonStatus.Active && p.ProvisioningState != ProvisioningState.Blocked),
                cancellationToken)
            : [];

        foreach (var identity in page.Identities)
        {
            seen.Add(identity.ExternalId);
            if (erased.Contains(identity.ExternalId))
            {
                continue;
            }

            var email = identity.Mail ?? identity.UserPrincipalName;
            existing.TryGetValue(identity.ExternalId, out var person);
            var reason = ProvisioningPolicy.WhyNotImported(identity.UserPrincipalName, identity.IsGuest, purposes.GetValueOrDefault(identity.ExternalId));
            if (person?.ImportedDespite is not null)
            {
                // An administrator took this guest or mailbox in anyway: it stays a person whatever the directory says of it.
                reason = null;
            }

            if (reason is { } why)
            {
                RecordNotImported(identity, email, why, excluded, now);

                // A person who became a guest has left as a person: kept for history, no longer read, no login.
                if (person is not null && person.Status != PersonStatus.Removed)
                {
                    person.MarkRemovedFromDirectory(now);
                    Removed++;
                }

                continue;
            }

            if (excluded.Remove(identity.ExternalId, out var noLongerExcluded))
            {
                // A guest made a member, a shared mailbox made a person's again: from now on they are people to review.
                db.NotImportedIdentities.Remove(noLongerExcluded);
            }

            if (person is not null)
            {
                // A shared, room or equipment mailbox taken in anyway has no sign-in of its own: a disabled account is no leaver.
                var mailboxTakenIn = person.ImportedDespite is NotImportedReason.SharedMailbox or NotImportedReason.Room or NotImportedReason.Equipment;
                if (!identity.AccountEnabled && person.ProvisioningState != ProvisioningState.Blocked && !mailboxTakenIn)
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

                if (rechecked.TryGetValue(identity.ExternalId, out var purpose) && ConvertedMailboxes.Note(db, person, purpose, now))
                {
                    MailboxesConverted++;
                }

                continue;
            }

            var state = ProvisioningPolicy.Classify(
                email,
                identity.AccountEnabled,
                identity.HasLicense,
                tenant.PrimaryDomain,
                known.Contains(identity.ExternalId) || known.Contains(email));
            if (!isFirstImport)
            {
                state = ProvisioningPolicy.ForJoiner(state, tenant.AcceptsJoinersAutomatically);
            }

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

            if (excluded.Remove(removedId, out var gone))
            {
                db.NotImportedIdentities.Remove(gone);
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

        var excluded = await db.NotImportedIdentities.ToListAsync(cancellationToken);
        db.NotImportedIdentities.RemoveRange(excluded.Where(e => !seen.Contains(e.ExternalId)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private void RecordNotImported(DirectoryIdentity identity, string email, NotImportedReason reason, Dictionary<string, NotImportedIdentity> excluded, DateTimeOffset now)
    {
        if (excluded.TryGetValue(identity.ExternalId, out var known))
        {
            known.Refresh(email, identity.DisplayName, reason, now);
            return;
        }

        var record = NotImportedIdentity.Record(tenant.Id, identity.ExternalId, email, identity.DisplayName, reason, now);
        db.NotImportedIdentities.Add(record);
        excluded[identity.ExternalId] = record;
        NotImported++;
    }

    /// <summary>
    /// The mailbox purpose of each identity not yet taken in, from its mailbox settings only. Without the permission, or
    /// without a mailbox, the purpose is unknown and the identity is classified as before (a shared mailbox's account is
    /// normally disabled, so it is blocked).
    /// </summary>
    private async Task<Dictionary<string, MailboxPurpose>> PurposesAsync(IEnumerable<DirectoryIdentity> identities, CancellationToken cancellationToken)
    {
        var purposes = new Dictionary<string, MailboxPurpose>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in identities.Where(i => i.Mail is not null).Select(i => i.ExternalId).Chunk(MailboxesAtOnce))
        {
            if (purposesDenied)
            {
                break;
            }

            try
            {
                var read = await Task.WhenAll(chunk.Select(async id => (Id: id, Purpose: await PurposeAsync(id, cancellationToken))));
                foreach (var (id, purpose) in read)
                {
                    purposes[id] = purpose;
                }
            }
            catch (PermissionNotGrantedException)
            {
                purposesDenied = true;
            }
        }

        return purposes;
    }

    private async Task<MailboxPurpose> PurposeAsync(string externalId, CancellationToken cancellationToken)
    {
        try
        {
            return await mailboxes.ReadPurposeAsync(tenant.ExternalTenantId, externalId, cancellationToken);
        }
        catch (SourceNotFoundException)
        {
            return MailboxPurpose.Unknown;
        }
    }
}
