using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.SyncMailbox;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using static WorkSights.Application.UnitTests.Support.FakeMailboxReader;

namespace WorkSights.Application.UnitTests.Ingestion;

public sealed class SyncMailboxCommandHandlerTests : IDisposable
{
    private const string ExternalTenantId = "3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d";

    private readonly TestDatabase database = new();
    private readonly FakeMailboxReader reader = new();
    private Tenant tenant = null!;
    private Person ann = null!;

    public void Dispose() => database.Dispose();

    private DateTimeOffset Now => database.Clock.GetUtcNow();

    private async Task WorkspaceAsync(Action<ConnectedService>? changeService = null)
    {
        tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        ann = await database.AddPersonAsync(tenant.Id, "oid-ann", "ann@contoso.com");
        var service = ConnectedService.For(tenant.Id, tenant.Provider);
        changeService?.Invoke(service);
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        db.ConnectedServices.Add(service);
        await db.SaveChangesAsync();
    }

    private async Task<SyncResult> SyncAsync(ServiceFeature feature, Guid? personId = null)
    {
        await using var db = database.CreateContext();
        return await new SyncMailboxCommandHandler(db, database.TenantContext, reader, database.Clock)
            .Handle(new SyncMailboxCommand(tenant.Id, personId ?? ann.Id, feature), CancellationToken.None);
    }

    private async Task<Dictionary<string, Activity>> ActivitiesAsync()
    {
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        return await db.Activities.AsNoTracking().ToDictionaryAsync(a => a.ExternalId);
    }

    private async Task<SyncCheckpoint> CheckpointAsync(ServiceFeature feature)
    {
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        return await db.SyncCheckpoints.AsNoTracking().SingleAsync(c => c.Feature == feature);
    }

    private async Task<ConnectedService> ServiceAsync()
    {
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        return await db.ConnectedServices.AsNoTracking().SingleAsync();
    }

    private async Task ChangePersonAsync(Action<Person> change)
    {
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        change(await db.People.SingleAsync(p => p.Id == ann.Id));
        await db.SaveChangesAsync();
    }

    private SentMail Mail(string id, string? subject = null, int hoursAgo = 1, params string[] to) =>
        new(id, Now.AddHours(-hoursAgo), subject ?? id, to.Length == 0 ? ["bob@contoso.com"] : to, IsDraft: false);

    private CalendarEntry Meeting(string id, string? subject = null, int hoursFromNow = 2, bool cancelled = false) =>
        new(id, subject ?? id, Now.AddHours(hoursFromNow), Now.AddHours(hoursFromNow).AddMinutes(30), false, cancelled, "ann@contoso.com", [new EventAttendee("bob@contoso.com", "required", "accepted")], "organizer");

    [Fact]
    public async Task LinkedIdentitysMailboxIsReadAsItselfAndItsItemsAreTheTargets()
    {
        await WorkspaceAsync();
        var annOld = await database.AddPersonAsync(tenant.Id, "oid-ann-old", "ann@ann-old.example", ProvisioningState.Link);
        using (database.TenantContext.BeginScope(tenant.Id))
        {
            await using var db = database.CreateContext();
            var identity = await db.People.SingleAsync(p => p.Id == annOld.Id);
            identity.Review(ProvisioningState.Link, await db.People.SingleAsync(p => p.Id == ann.Id), Now);
            await db.SaveChangesAsync();
        }

        reader.SentMail(Page<SentMail>(null, "delta-1", Mail("m-old")));

        var result = await SyncAsync(ServiceFeature.Email, annOld.Id);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        Assert.Equal("oid-ann-old", Assert.Single(reader.Calls).Mailbox);
        var item = (await ActivitiesAsync())["m-old"];
        Assert.Equal((ann.Id, (Guid?)annOld.Id), (item.PersonId, item.SourcePersonId));
    }

    [Fact]
    public async Task OwnMailboxsItemsNameNoSourceIdentity()
    {
        await WorkspaceAsync();
        reader.SentMail(Page<SentMail>(null, "delta-1", Mail("m-own")));

        await SyncAsync(ServiceFeature.Email);

        Assert.Null((await ActivitiesAsync())["m-own"].SourcePersonId);
    }

    [Fact]
    public async Task FirstMailSyncReadsTheBackfillAndStoresEveryPage()
    {
        await WorkspaceAsync();
        reader.SentMail(
            Page<SentMail>("next-1", null, Mail("m-1"), Mail("m-2")),
            Page<SentMail>(null, "delta-1", Mail("m-3")));

        var result = await SyncAsync(ServiceFeature.Email);

        Assert.Equal(new SyncResult(SyncOutcome.Completed, 3, 0), result);
        var call = Assert.Single(reader.Calls);
        Assert.Equal(new MailboxRead("mail", ExternalTenantId, "oid-ann", null, Now - SyncMailboxCommandHandler.Backfill, null), call);
        var activities = await ActivitiesAsync();
        Assert.Equal(["m-1", "m-2", "m-3"], activities.Keys.Order());
        Assert.All(activities.Values, a =>
        {
            Assert.Equal(ActivityKind.EmailSent, a.Kind);
            Assert.Equal(ann.Id, a.PersonId);
            Assert.Equal(TimeSpan.FromMinutes(5), a.CreditedDuration);
            Assert.Equal(Now, a.SyncedAt);
        });
        var checkpoint = await CheckpointAsync(ServiceFeature.Email);
        Assert.Equal("delta-1", checkpoint.ResumeLink);
        Assert.False(checkpoint.IsMidRound);
        Assert.False(checkpoint.IsFullRead);
        Assert.Equal(3, checkpoint.ItemsImported);
        Assert.Equal(Now, checkpoint.LastCompletedAt);
    }

    [Fact]
    public async Task EachStoredPageIsAnnouncedToOpenActivityStreams()
    {
        await WorkspaceAsync();
        reader.SentMail(
            Page<SentMail>("next-1", null, Mail("m-1"), Mail("m-2")),
            Page<SentMail>(null, "delta-1", Mail("m-3")));
        var arrivals = new WorkSights.Application.Ingestion.Arrivals.ActivityArrivals();

        await using (var db = database.CreateContext())
        {
            await new SyncMailboxCommandHandler(db, database.TenantContext, reader, database.Clock, arrivals)
                .Handle(new SyncMailboxCommand(tenant.Id, ann.Id, ServiceFeature.Email), CancellationToken.None);
        }

        var announced = arrivals.After(0);
        Assert.Equal(2, announced.Count);
        Assert.All(announced, a => Assert.Equal((tenant.Id, ann.Id, Now), (a.TenantId, Assert.Single(a.People), a.SyncedAt)));
    }

    [Fact]
    public async Task FirstCalendarSyncReadsTheBackfillAndTheMonthAhead()
    {
        await WorkspaceAsync();
        reader.Calendar(Page<CalendarEntry>(null, "cal-delta-1", Meeting("e-1")));

        var result = await SyncAsync(ServiceFeature.Calendar);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        var call = Assert.Single(reader.Calls);
        Assert.Equal(("calendar", (string?)null, Now - SyncMailboxCommandHandler.Backfill, (DateTimeOffset?)(Now + SyncMailboxCommandHandler.CalendarLookAhead)), (call.Source, call.ResumeLink, call.From, call.To));
        var meeting = Assert.Single(await ActivitiesAsync()).Value;
        Assert.Equal((ActivityKind.Meeting, ActivitySource.OutlookCalendar, 1), (meeting.Kind, meeting.Source, meeting.CounterpartCount));
        Assert.Equal(Now + SyncMailboxCommandHandler.CalendarLookAhead, (await CheckpointAsync(ServiceFeature.Calendar)).RangeEnd);
    }

    [Fact]
    public async Task NextSyncResumesFromTheDeltaLinkUpdatingInPlaceAndRemovingWhatTheSourceRemoved()
    {
        await WorkspaceAsync();
        reader.SentMail(Page<SentMail>(null, "delta-1", Mail("m-1", "Draft plan"), Mail("m-2"), Mail("m-3")));
        await SyncAsync(ServiceFeature.Email);
        var before = await ActivitiesAsync();
        database.Clock.Advance(TimeSpan.FromMinutes(30));
        reader.SentMail(
            new SourcePage<SentMail>([Mail("m-1", "Final plan", hoursAgo: 2), Mail("m-4")], ["m-2"], "next-2", null),
            new SourcePage<SentMail>([], ["m-3", "never-stored"], null, "delta-2"));

        var result = await SyncAsync(ServiceFeature.Email);

        Assert.Equal(new SyncResult(SyncOutcome.Completed, 2, 2), result);
        Assert.Equal("delta-1", reader.Calls[1].ResumeLink);
        var after = await ActivitiesAsync();
        Assert.Equal(["m-1", "m-4"], after.Keys.Order());
        Assert.Equal(before["m-1"].Id, after["m-1"].Id);
        Assert.Equal("Final plan", after["m-1"].Title);
        Assert.Equal(Now.AddHours(-2), after["m-1"].OccurredAt);
        Assert.Equal(Now, after["m-1"].SyncedAt);
        var checkpoint = await CheckpointAsync(ServiceFeature.Email);
        Assert.Equal(("delta-2", 5), (checkpoint.ResumeLink, checkpoint.ItemsImported));
    }

    [Fact]
    public async Task SameIdTwiceInOnePageIsStoredOnceWithTheLaterVersion()
    {
        await WorkspaceAsync();
        reader.SentMail(Page<SentMail>(null, "delta-1", Mail("m-1", "First"), Mail("m-1", "Second")));

        await SyncAsync(ServiceFeature.Email);

        Assert.Equal("Second", Assert.Single(await ActivitiesAsync()).Value.Title);
    }

    [Fact]
    public async Task DraftsAreNotStored()
    {
        await WorkspaceAsync();
        reader.SentMail(Page<SentMail>(null, "delta-1", Mail("m-1") with { IsDraft = true }, Mail("m-2")));

        var result = await SyncAsync(ServiceFeature.Email);

        Assert.Equal(1, result.Stored);
        Assert.Equal(["m-2"], (await ActivitiesAsync()).Keys);
    }

    [Fact]
    public async Task CancellingAStoredMeetingRemovesIt()
    {
        await WorkspaceAsync();
        reader.Calendar(Page<CalendarEntry>(null, "cal-delta-1", Meeting("e-1"), Meeting("e-2")));
        await SyncAsync(ServiceFeature.Calendar);
        reader.Calendar(Page<CalendarEntry>(null, "cal-delta-2", Meeting("e-1", cancelled: true)));

        var result = await SyncAsync(ServiceFeature.Calendar);

        Assert.Equal(new SyncResult(SyncOutcome.Completed, 0, 1), result);
        Assert.Equal(["e-2"], (await ActivitiesAsync()).Keys);
    }

    [Fact]
    public async Task RefreshKeepsAPersonsCorrectedEstimate()
    {
        await WorkspaceAsync();
        reader.Calendar(Page<CalendarEntry>(null, "cal-delta-1", Meeting("e-1")));
        await SyncAsync(ServiceFeature.Calendar);
        using (database.TenantContext.BeginScope(tenant.Id))
        {
            await using var db = database.CreateContext();
            (await db.Activities.SingleAsync()).CorrectCreditedDuration(TimeSpan.FromMinutes(10));
            await db.SaveChangesAsync();
        }

        reader.Calendar(Page<CalendarEntry>(null, "cal-delta-2", Meeting("e-1", "Renamed")));
        await SyncAsync(ServiceFeature.Calendar);

        var meeting = Assert.Single(await ActivitiesAsync()).Value;
        Assert.Equal(("Renamed", TimeSpan.FromMinutes(10), true), (meeting.Title, meeting.CreditedDuration, meeting.IsCorrected));
    }

    [Fact]
    public async Task ExpiredDeltaLinkRestartsAFullReadThatReconcilesAwayWhatItDidNotSeeButKeepsOlderHistory()
    {
        await WorkspaceAsync();
        reader.SentMail(Page<SentMail>(null, "delta-1", Mail("seen-early"), Mail("gone"), Mail("seen-last"), Mail("history", hoursAgo: 40 * 24)));
        await SyncAsync(ServiceFeature.Email);
        database.Clock.Advance(TimeSpan.FromHours(1));
        reader.SentMailFails(new DeltaLinkExpiredException("410 Gone: sync state not found"));
        reader.SentMail(
            Page<SentMail>("next-1", null, Mail("seen-early", hoursAgo: 2), Mail("new")),
            Page<SentMail>(null, "delta-2", Mail("seen-last", "Seen on the last page", hoursAgo: 2)));

        var result = await SyncAsync(ServiceFeature.Email);

        Assert.Equal(new SyncResult(SyncOutcome.Completed, 3, 1), result);
        Assert.Equal([null, "delta-1", null], reader.Calls.Select(c => c.ResumeLink));
        Assert.Equal(Now - SyncMailboxCommandHandler.Backfill, reader.Calls[2].From);
        var activities = await ActivitiesAsync();
        Assert.Equal(["history", "new", "seen-early", "seen-last"], activities.Keys.Order());
        Assert.Equal("Seen on the last page", activities["seen-last"].Title);
        var checkpoint = await CheckpointAsync(ServiceFeature.Email);
        Assert.Equal(("delta-2", false, false), (checkpoint.ResumeLink, checkpoint.IsFullRead, checkpoint.IsMidRound));
        Assert.Null(checkpoint.FullReadStartedAt);
    }

    [Fact]
    public async Task FullCalendarReadKeepsRowsBeyondTheEndOfItsRange()
    {
        await WorkspaceAsync();
        reader.Calendar(Page<CalendarEntry>(null, "cal-delta-1", Meeting("near"), Meeting("far", hoursFromNow: 40 * 24)));
        await SyncAsync(ServiceFeature.Calendar);
        database.Clock.Advance(TimeSpan.FromHours(1));
        reader.CalendarFails(new DeltaLinkExpiredException("410 Gone"));
        reader.Calendar(Page<CalendarEntry>(null, "cal-delta-2"));

        var result = await SyncAsync(ServiceFeature.Calendar);

        Assert.Equal(1, result.Removed);
        Assert.Equal(["far"], (await ActivitiesAsync()).Keys);
    }

    [Fact]
    public async Task IncrementalRoundRemovesNothingItDidNotSee()
    {
        await WorkspaceAsync();
        reader.SentMail(Page<SentMail>(null, "delta-1", Mail("m-1"), Mail("m-2")));
        await SyncAsync(ServiceFeature.Email);
        database.Clock.Advance(TimeSpan.FromHours(1));
        reader.SentMail(Page<SentMail>(null, "delta-2", Mail("m-3")));

        var result = await SyncAsync(ServiceFeature.Email);

        Assert.Equal(0, result.Removed);
        Assert.Equal(["m-1", "m-2", "m-3"], (await ActivitiesAsync()).Keys.Order());
    }

    [Fact]
    public async Task InterruptedRoundResumesFromTheStoredNextLinkWithoutLosingItsFirstPages()
    {
        await WorkspaceAsync();
        reader.SentMailFails(new ProviderUnavailableException("503"), Page<SentMail>("next-1", null, Mail("m-1"), Mail("m-2")));

        var interrupted = await SyncAsync(ServiceFeature.Email);

        Assert.Equal(SyncOutcome.ProviderUnavailable, interrupted.Outcome);
        Assert.Equal("503", interrupted.Problem);
        var midRound = await CheckpointAsync(ServiceFeature.Email);
        Assert.Equal(("next-1", true, true, 2), (midRound.ResumeLink, midRound.IsMidRound, midRound.IsFullRead, midRound.ItemsImported));
        Assert.Equal(["m-1", "m-2"], (await ActivitiesAsync()).Keys.Order());

        database.Clock.Advance(TimeSpan.FromMinutes(10));
        reader.SentMail(Page<SentMail>(null, "delta-1", Mail("m-3")));
        var resumed = await SyncAsync(ServiceFeature.Email);

        Assert.Equal(new SyncResult(SyncOutcome.Completed, 1, 0), resumed);
        Assert.Equal("next-1", reader.Calls[1].ResumeLink);
        Assert.Equal(["m-1", "m-2", "m-3"], (await ActivitiesAsync()).Keys.Order());
        var done = await CheckpointAsync(ServiceFeature.Email);
        Assert.Equal(("delta-1", false, 3), (done.ResumeLink, done.IsFullRead, done.ItemsImported));
    }

    [Fact]
    public async Task PersonWithoutAMailboxIsSkippedWithoutAProblem()
    {
        await WorkspaceAsync();
        reader.SentMailFails(new SourceNotFoundException("MailboxNotEnabledForRESTAPI"));

        var result = await SyncAsync(ServiceFeature.Email);

        Assert.Equal(SyncResult.Skip(), result);
        Assert.Empty(await ActivitiesAsync());
    }

    [Fact]
    public async Task ThrottlingParksTheMailboxAndTheConnectionAndKeepsStoredPages()
    {
        await WorkspaceAsync();
        reader.SentMailFails(new ProviderThrottledException(TimeSpan.FromMinutes(10)), Page<SentMail>("next-1", null, Mail("m-1")));

        var result = await SyncAsync(ServiceFeature.Email);

        var notBefore = Now.AddMinutes(10);
        Assert.Equal(new SyncResult(SyncOutcome.Parked, 0, 0, notBefore), result);
        var checkpoint = await CheckpointAsync(ServiceFeature.Email);
        Assert.Equal((notBefore, "next-1"), (checkpoint.NotBefore, checkpoint.ResumeLink));
        Assert.Equal(notBefore, (await ServiceAsync()).ThrottledUntil);
        Assert.Equal(["m-1"], (await ActivitiesAsync()).Keys);
    }

    [Fact]
    public async Task ThrottledSentItemsParkTheCalendarOfTheSameMailboxWithoutAskingForIt()
    {
        await WorkspaceAsync();
        reader.SentMailFails(new ProviderThrottledException(TimeSpan.FromMinutes(10)));
        await SyncAsync(ServiceFeature.Email);
        var notBefore = Now.AddMinutes(10);

        var calendar = await SyncAsync(ServiceFeature.Calendar);

        Assert.Equal(new SyncResult(SyncOutcome.Parked, 0, 0, notBefore), calendar);
        Assert.Single(reader.Calls);
        Assert.Equal(notBefore, (await CheckpointAsync(ServiceFeature.Calendar)).NotBefore);
    }

    [Fact]
    public async Task ParkedMailboxIsNotReadBeforeItsNotBeforeTime()
    {
        await WorkspaceAsync();
        reader.SentMailFails(new ProviderThrottledException(TimeSpan.FromMinutes(10)));
        await SyncAsync(ServiceFeature.Email);
        var notBefore = Now.AddMinutes(10);
        database.Clock.Advance(TimeSpan.FromMinutes(9));

        var parked = await SyncAsync(ServiceFeature.Email);

        Assert.Equal(new SyncResult(SyncOutcome.Parked, 0, 0, notBefore), parked);
        Assert.Single(reader.Calls);
    }

    [Fact]
    public async Task ParkedMailboxIsReadAgainOnceItsNotBeforeTimeHasCome()
    {
        await WorkspaceAsync();
        reader.SentMailFails(new ProviderThrottledException(TimeSpan.FromMinutes(10)), Page<SentMail>("next-1", null, Mail("m-1")));
        await SyncAsync(ServiceFeature.Email);
        database.Clock.Advance(TimeSpan.FromMinutes(10));
        reader.SentMail(Page<SentMail>(null, "delta-1", Mail("m-2")));

        var result = await SyncAsync(ServiceFeature.Email);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
        Assert.Equal("next-1", reader.Calls[1].ResumeLink);
        Assert.Null((await CheckpointAsync(ServiceFeature.Email)).NotBefore);
    }

    [Fact]
    public async Task ThrottlingDuringTheFullReadAfterAnExpiredDeltaLinkParksTheMailbox()
    {
        await WorkspaceAsync();
        reader.SentMail(Page<SentMail>(null, "delta-1", Mail("m-1")));
        await SyncAsync(ServiceFeature.Email);
        reader.SentMailFails(new DeltaLinkExpiredException("410 Gone"));
        reader.SentMailFails(new ProviderThrottledException(TimeSpan.FromMinutes(5)));

        var result = await SyncAsync(ServiceFeature.Email);

        Assert.Equal(new SyncResult(SyncOutcome.Parked, 0, 0, Now.AddMinutes(5)), result);
        var checkpoint = await CheckpointAsync(ServiceFeature.Email);
        Assert.Equal((Now.AddMinutes(5), true, (string?)null), (checkpoint.NotBefore, checkpoint.IsFullRead, checkpoint.ResumeLink));
        Assert.Equal(Now.AddMinutes(5), (await ServiceAsync()).ThrottledUntil);
    }

    [Fact]
    public async Task RevokedConsentMarksTheWorkspaceAndRecordsTheProblem()
    {
        await WorkspaceAsync();
        reader.CalendarFails(new ConsentRevokedException("AADSTS7000112: application is disabled"));

        var result = await SyncAsync(ServiceFeature.Calendar);

        Assert.Equal(SyncOutcome.ConsentRevoked, result.Outcome);
        Assert.Equal("AADSTS7000112: application is disabled", result.Problem);
        var workspace = await database.TenantAsync(tenant.Id);
        Assert.Equal((TenantStatus.ConsentRevoked, (DateTimeOffset?)Now), (workspace.Status, workspace.ConsentRevokedAt));
        var service = await ServiceAsync();
        Assert.Contains("AADSTS7000112", service.LastError, StringComparison.Ordinal);
        Assert.Equal(Now, service.LastErrorAt);
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        var audited = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "workspace.consent.revoked");
        Assert.Equal(("Consent granted", "Consent revoked (found by the mailbox sync)", (Guid?)null, Now), (audited.Before, audited.After, audited.ByPersonId, audited.At));
    }

    [Fact]
    public async Task WorkspaceWithRevokedConsentIsSkippedWithoutReading()
    {
        await WorkspaceAsync();
        reader.CalendarFails(new ConsentRevokedException("revoked"));
        await SyncAsync(ServiceFeature.Calendar);

        var result = await SyncAsync(ServiceFeature.Email);

        Assert.Equal(SyncOutcome.Skipped, result.Outcome);
        Assert.Single(reader.Calls);
    }

    public enum SkipReason
    {
        FeatureOff,
        Disconnected,
        Blocked,
        Removed,
        UnsupportedFeature,
    }

    [Theory]
    [InlineData(SkipReason.FeatureOff)]
    [InlineData(SkipReason.Disconnected)]
    [InlineData(SkipReason.Blocked)]
    [InlineData(SkipReason.Removed)]
    [InlineData(SkipReason.UnsupportedFeature)]
    public async Task IsSkippedWithoutReadingTheMailbox(SkipReason reason)
    {
        await WorkspaceAsync(service =>
        {
            if (reason == SkipReason.FeatureOff)
            {
                service.SetFeature(ServiceFeature.Email, enabled: false);
            }
            else if (reason == SkipReason.Disconnected)
            {
                service.Disconnect();
            }
        });
        if (reason == SkipReason.Blocked)
        {
            await ChangePersonAsync(p => p.ChangeProvisioningState(ProvisioningState.Blocked));
        }
        else if (reason == SkipReason.Removed)
        {
            await ChangePersonAsync(p => p.MarkRemovedFromDirectory(Now));
        }

        var result = await SyncAsync(reason == SkipReason.UnsupportedFeature ? ServiceFeature.Calls : ServiceFeature.Email);

        Assert.Equal(SyncResult.Skip(), result);
        Assert.Empty(reader.Calls);
        Assert.Empty(await ActivitiesAsync());
    }

    [Fact]
    public async Task SwitchingEmailOffDoesNotStopTheCalendar()
    {
        await WorkspaceAsync(service => service.SetFeature(ServiceFeature.Email, enabled: false));
        reader.Calendar(Page<CalendarEntry>(null, "cal-delta-1", Meeting("e-1")));

        var result = await SyncAsync(ServiceFeature.Calendar);

        Assert.Equal(SyncOutcome.Completed, result.Outcome);
    }

    [Fact]
    public async Task WorkspaceWithoutAConnectionIsSkipped()
    {
        tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        ann = await database.AddPersonAsync(tenant.Id, "oid-ann", "ann@contoso.com");

        var result = await SyncAsync(ServiceFeature.Email);

        Assert.Equal(SyncOutcome.Skipped, result.Outcome);
        Assert.Empty(reader.Calls);
    }

    [Fact]
    public async Task PersonOfAnotherWorkspaceIsSkipped()
    {
        await WorkspaceAsync();
        var other = await database.AddTenantAsync("0e0e0e0e-3333-4a5b-9c6d-7e8f9a0b1c2d", "fabrikam.com");
        var stranger = await database.AddPersonAsync(other.Id, "oid-stranger", "stranger@fabrikam.com");

        var result = await SyncAsync(ServiceFeature.Email, stranger.Id);

        Assert.Equal(SyncOutcome.Skipped, result.Outcome);
        Assert.Empty(reader.Calls);
    }

    [Fact]
    public async Task UnknownWorkspaceIsNotFound()
    {
        await WorkspaceAsync();
        await using var db = database.CreateContext();
        var handler = new SyncMailboxCommandHandler(db, database.TenantContext, reader, database.Clock);

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await handler.Handle(new SyncMailboxCommand(Guid.NewGuid(), ann.Id, ServiceFeature.Email), CancellationToken.None));
    }

    [Fact]
    public async Task MailToAnotherDomainOfTheWorkspacesPeopleIsInternal()
    {
        await WorkspaceAsync();
        await database.AddPersonAsync(tenant.Id, "oid-bob", "bob@contoso.co.uk");
        reader.SentMail(Page<SentMail>(null, "delta-1", Mail("internal", to: "Bob@Contoso.co.uk"), Mail("external", to: "dan@fabrikam.com")));

        await SyncAsync(ServiceFeature.Email);

        var activities = await ActivitiesAsync();
        Assert.False(activities["internal"].IsExternal);
        Assert.True(activities["external"].IsExternal);
    }

    [Fact]
    public async Task MailToTheDomainOfOnlyARemovedPersonIsExternal()
    {
        await WorkspaceAsync();
        var leaver = await database.AddPersonAsync(tenant.Id, "oid-leaver", "leaver@old-brand.com", change: p => p.MarkRemovedFromDirectory(TestDatabase.Start));
        reader.SentMail(Page<SentMail>(null, "delta-1", Mail("m-1", to: leaver.Email)));

        await SyncAsync(ServiceFeature.Email);

        Assert.True((await ActivitiesAsync())["m-1"].IsExternal);
    }

    [Fact]
    public async Task CalendarWindowIsRenewedWithAFullReadWhenLessThanAWeekIsLeft()
    {
        await WorkspaceAsync();
        reader.Calendar(Page<CalendarEntry>(null, "cal-delta-1", Meeting("e-1")));
        await SyncAsync(ServiceFeature.Calendar);
        database.Clock.Advance(TimeSpan.FromDays(24));
        reader.Calendar(Page<CalendarEntry>(null, "cal-delta-2"));

        await SyncAsync(ServiceFeature.Calendar);

        Assert.Equal((null, (DateTimeOffset?)(Now + SyncMailboxCommandHandler.CalendarLookAhead)), (reader.Calls[1].ResumeLink, reader.Calls[1].To));
        Assert.Equal(Now + SyncMailboxCommandHandler.CalendarLookAhead, (await CheckpointAsync(ServiceFeature.Calendar)).RangeEnd);
    }

    [Fact]
    public async Task CalendarWindowWithMoreThanAWeekLeftResumesFromTheDeltaLink()
    {
        await WorkspaceAsync();
        reader.Calendar(Page<CalendarEntry>(null, "cal-delta-1", Meeting("e-1")));
        await SyncAsync(ServiceFeature.Calendar);
        database.Clock.Advance(TimeSpan.FromDays(22));
        reader.Calendar(Page<CalendarEntry>(null, "cal-delta-2"));

        await SyncAsync(ServiceFeature.Calendar);

        Assert.Equal("cal-delta-1", reader.Calls[1].ResumeLink);
    }
}
