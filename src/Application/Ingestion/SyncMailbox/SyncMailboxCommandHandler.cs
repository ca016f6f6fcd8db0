using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion.Arrivals;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Ingestion.SyncMailbox;

public sealed class SyncMailboxCommandHandler(
    IApplicationDbContext db,
    ITenantContext tenantContext,
    IMailboxReader mailbox,
    TimeProvider clock,
    ActivityArrivals? arrivals = null)
    : ICommandHandler<SyncMailboxCommand, SyncResult>
{
    /// <summary>How far back a first sync reaches (PRODUCT.md: up to 29 days of history).</summary>
    public static readonly TimeSpan Backfill = TimeSpan.FromDays(29);

    /// <summary>How far ahead a calendar window reaches; it is renewed when less than a week of it is left.</summary>
    public static readonly TimeSpan CalendarLookAhead = TimeSpan.FromDays(30);

    public async ValueTask<SyncResult> Handle(SyncMailboxCommand command, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == command.TenantId, cancellationToken)
            ?? throw new NotFoundException("Workspace");
        if (tenant.Status != TenantStatus.Active || !ImportedFeatures.FromMailboxes.Contains(command.Feature))
        {
            return SyncResult.Skip();
        }

        using var scope = tenantContext.BeginScope(tenant.Id);
        var person = await db.People.Where(Person.IsImportable).SingleOrDefaultAsync(p => p.Id == command.PersonId, cancellationToken);
        var service = await db.ConnectedServices.SingleOrDefaultAsync(cancellationToken);
        if (person is null || service is null || service.IsDisconnected || !service.IsEnabled(command.Feature))
        {
            return SyncResult.Skip();
        }

        var now = clock.GetUtcNow();
        var checkpoint = await CheckpointAsync(tenant.Id, person.Id, command.Feature, cancellationToken);
        if (checkpoint.IsParkedAt(now))
        {
            return new SyncResult(SyncOutcome.Parked, 0, 0, checkpoint.NotBefore);
        }

        var domains = command.WorkspaceDomains ?? await WorkspaceDomains.ReadAsync(db, tenant, cancellationToken);
        // A linked identity (a second address) is read as itself, and what it holds is its target's.
        var owner = new MailboxOwner(tenant.Id, person.LinkedPersonId ?? person.Id, person.Email, domains)
        {
            SourcePersonId = person.LinkedPersonId is null ? null : person.Id,
        };
        try
        {
            SyncResult result;
            try
            {
                result = await ReadAsync(tenant, person, owner, checkpoint, command.Feature, cancellationToken);
            }
            catch (DeltaLinkExpiredException)
            {
                // The full re-read may meet throttling or a revocation too: the handlers below apply to it as well.
                checkpoint.BeginFullRead(now, now - Backfill, command.Feature == ServiceFeature.Calendar ? now + CalendarLookAhead : null);
                await db.SaveChangesAsync(cancellationToken);
                result = await ReadAsync(tenant, person, owner, checkpoint, command.Feature, cancellationToken);
            }

            await ForgetIfBlockedMeanwhileAsync(person.Id, cancellationToken);
            return result;
        }
        catch (SourceNotFoundException)
        {
            // Licensed people without an Exchange mailbox have nothing to import; that is not a problem to report.
            return SyncResult.Skip();
        }
        catch (Exception ex) when (ProviderFailures.Answers(ex))
        {
            var failures = new ProviderFailures(db, clock, tenant, "the mailbox sync");
            var failure = await failures.ApplyAsync(ex, service, until => ParkMailboxAsync(tenant.Id, person.Id, checkpoint, until, cancellationToken), cancellationToken);
            return SyncResult.After(failure, stored: 0);
        }
    }

    private async Task<SyncResult> ReadAsync(Tenant tenant, Person person, MailboxOwner owner, SyncCheckpoint checkpoint, ServiceFeature feature, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var renewCalendar = feature == ServiceFeature.Calendar && !checkpoint.IsMidRound && checkpoint.RangeEnd is { } end && end - now < TimeSpan.FromDays(7);
        if (checkpoint.ResumeLink is null || renewCalendar)
        {
            checkpoint.BeginFullRead(now, now - Backfill, feature == ServiceFeature.Calendar ? now + CalendarLookAhead : null);
        }

        if (feature == ServiceFeature.Email)
        {
            var writer = new MailboxPageWriter(db, checkpoint, owner, ActivitySource.Outlook, clock, arrivals);
            await foreach (var page in mailbox.ReadSentMailAsync(tenant.ExternalTenantId, person.ExternalId, checkpoint.ResumeLink, checkpoint.RangeStart!.Value, cancellationToken))
            {
                await writer.WriteAsync(page, m => m.Id, m => SourceActivities.FromMail(m, owner), cancellationToken);
            }

            return new SyncResult(SyncOutcome.Completed, writer.Stored, writer.Removed);
        }

        var calendar = new MailboxPageWriter(db, checkpoint, owner, ActivitySource.OutlookCalendar, clock, arrivals);
        await foreach (var page in mailbox.ReadCalendarAsync(tenant.ExternalTenantId, person.ExternalId, checkpoint.ResumeLink, checkpoint.RangeStart!.Value, checkpoint.RangeEnd!.Value, cancellationToken))
        {
            await calendar.WriteAsync(page, e => e.Id, e => SourceActivities.FromCalendar(e, owner), cancellationToken);
        }

        return new SyncResult(SyncOutcome.Completed, calendar.Stored, calendar.Removed);
    }

    /// <summary>
    /// An administrator may block the person while their mailbox is being read: the blocking removed what was stored
    /// before it, and what this read stored after it goes too, so that nothing of a blocked person stays.
    /// </summary>
    private async Task ForgetIfBlockedMeanwhileAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (await db.People.AsNoTracking().AnyAsync(p => p.Id == personId && p.ProvisioningState == ProvisioningState.Blocked, cancellationToken))
        {
            await db.Activities.Where(a => a.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Outlook's limits are per mailbox, so every feature read from it waits: asking for the calendar right after the sent
    /// items were refused would only spend a request of the next window on another refusal.
    /// </summary>
    private async Task ParkMailboxAsync(Guid tenantId, Guid personId, SyncCheckpoint refused, DateTimeOffset until, CancellationToken cancellationToken)
    {
        refused.Park(until);
        foreach (var feature in ImportedFeatures.FromMailboxes.Where(f => f != refused.Feature))
        {
            var other = await CheckpointAsync(tenantId, personId, feature, cancellationToken);
            if (other.NotBefore is null || other.NotBefore < until)
            {
                other.Park(until);
            }
        }
    }

    private async Task<SyncCheckpoint> CheckpointAsync(Guid tenantId, Guid personId, ServiceFeature feature, CancellationToken cancellationToken)
    {
        var checkpoint = await db.SyncCheckpoints.SingleOrDefaultAsync(c => c.PersonId == personId && c.Feature == feature, cancellationToken);
        if (checkpoint is null)
        {
            checkpoint = SyncCheckpoint.Start(tenantId, personId, feature);
            db.SyncCheckpoints.Add(checkpoint);
        }

        return checkpoint;
    }
}
