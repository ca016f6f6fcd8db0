using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.Directory;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Directory.ImportWorkSettings;

/// <summary>
/// Mailbox settings change rarely, so each person's are read once a day at most; a sync that is refused the permission or
/// interrupted keeps what it read and never fails the sync it runs in. The same read says what the mailbox is for: a
/// person's mailbox that became shared, a room or equipment is flagged for the User Provisioning review at no extra request.
/// </summary>
public sealed class ImportWorkSettingsCommandHandler(
    IApplicationDbContext db,
    ITenantContext tenantContext,
    IMailboxSettingsReader reader,
    TimeProvider clock)
    : ICommandHandler<ImportWorkSettingsCommand, WorkSettingsImportResult>
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromDays(1);

    /// <summary>Outlook serves four requests at a time per mailbox; these are four different mailboxes, a small share of the app's limits.</summary>
    private const int MailboxesAtOnce = 4;

    public async ValueTask<WorkSettingsImportResult> Handle(ImportWorkSettingsCommand command, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == command.TenantId, cancellationToken)
            ?? throw new NotFoundException("Workspace");
        if (tenant.Status != TenantStatus.Active)
        {
            return new WorkSettingsImportResult(WorkSettingsImportOutcome.WorkspaceNotActive, 0, 0);
        }

        using var scope = tenantContext.BeginScope(tenant.Id);
        var state = await DirectorySyncStates.LoadOrAddAsync(db, tenant.Id, cancellationToken);

        var now = clock.GetUtcNow();
        var people = await db.People.Where(Person.IsImportable).OrderBy(p => p.Id).Select(p => new { p.Id, p.ExternalId }).ToListAsync(cancellationToken);
        var stored = await db.PersonMailboxSettings.ToDictionaryAsync(s => s.PersonId, cancellationToken);
        var flagged = (await db.People.Where(p => p.MailboxConvertedTo != null).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var due = people.Where(p => !stored.TryGetValue(p.Id, out var settings) || settings.ImportedAt <= now - RefreshAfter).ToList();

        int read = 0, changed = 0;
        foreach (var chunk in due.Chunk(MailboxesAtOnce))
        {
            (Guid PersonId, MailboxSettingsSnapshot? Snapshot)[] snapshots;
            try
            {
                snapshots = await Task.WhenAll(chunk.Select(async p => (p.Id, await ReadAsync(tenant.ExternalTenantId, p.ExternalId, cancellationToken))));
            }
            catch (PermissionNotGrantedException)
            {
                state.MailboxSettingsDenied(now);
                await db.SaveChangesAsync(cancellationToken);
                return new WorkSettingsImportResult(WorkSettingsImportOutcome.PermissionMissing, read, changed);
            }
            catch (Exception ex) when (ex is ProviderThrottledException or ProviderUnavailableException or ConsentRevokedException)
            {
                await db.SaveChangesAsync(cancellationToken);
                return new WorkSettingsImportResult(WorkSettingsImportOutcome.Interrupted, read, changed);
            }

            var changedPeople = new List<Guid>();
            foreach (var (personId, snapshot) in snapshots)
            {
                if (snapshot is null)
                {
                    continue;
                }

                read++;
                var workTime = ToWorkTime(snapshot);
                bool hasChanged;
                if (stored.TryGetValue(personId, out var settings))
                {
                    hasChanged = settings.Refresh(workTime, now);
                }
                else
                {
                    db.PersonMailboxSettings.Add(PersonMailboxSettings.Import(tenant.Id, personId, workTime, now));
                    hasChanged = true;
                }

                if (hasChanged)
                {
                    changedPeople.Add(personId);
                }
            }

            var purposes = snapshots.Where(s => s.Snapshot is { Purpose: not MailboxPurpose.Unknown }).ToDictionary(s => s.PersonId, s => s.Snapshot!.Purpose);
            await NoteConversionsAsync(purposes, flagged, now, cancellationToken);
            changed += changedPeople.Count;
            await DirtyDays.MarkEveryDayOfAsync(db, changedPeople, now, cancellationToken);
            state.MailboxSettingsAllowed();
            await db.SaveChangesAsync(cancellationToken);
        }

        return new WorkSettingsImportResult(WorkSettingsImportOutcome.Completed, read, changed);
    }

    /// <summary>
    /// Flags a mailbox that is no person's any more, or unflags one that is again (<paramref name="flagged"/>: those flagged
    /// when the import began); only those people are loaded, so a day of unchanged mailboxes costs no query.
    /// </summary>
    private async Task NoteConversionsAsync(Dictionary<Guid, MailboxPurpose> purposes, HashSet<Guid> flagged, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = purposes
            .Where(p => p.Value is MailboxPurpose.Shared or MailboxPurpose.Room or MailboxPurpose.Equipment || (p.Value == MailboxPurpose.Person && flagged.Contains(p.Key)))
            .Select(p => p.Key)
            .ToList();
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var person in await db.People.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken))
        {
            ConvertedMailboxes.Note(db, person, purposes[person.Id], now);
        }
    }

    /// <summary>The snapshot, or null when the person has no mailbox.</summary>
    private async Task<MailboxSettingsSnapshot?> ReadAsync(string externalTenantId, string mailbox, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(externalTenantId, mailbox, cancellationToken);
        }
        catch (SourceNotFoundException)
        {
            return null;
        }
    }

    internal static MailboxWorkTime ToWorkTime(MailboxSettingsSnapshot snapshot)
    {
        var zone = MailboxTimeZones.ToIana(snapshot.TimeZone, snapshot.Locale);
        var days = snapshot.WorkDays
            .Select(d => Enum.TryParse<DayOfWeek>(d, ignoreCase: true, out var day) ? day : (DayOfWeek?)null)
            .OfType<DayOfWeek>()
            .ToHashSet();
        return new MailboxWorkTime(zone, days, snapshot.Start, snapshot.End, MailboxTimeZones.ToIana(snapshot.WorkingHoursTimeZone, snapshot.Locale) ?? zone);
    }
}
