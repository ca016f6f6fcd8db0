using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.SyncMailbox;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.IntegrationTests.Support;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>Syncs after the first: only what changed, cancellations and deletions followed, expired delta links recovered.</summary>
public sealed class MailboxIncrementalSyncTests : MailboxSyncTestBase
{
    [Fact]
    public async Task Incremental_sync_stores_only_the_new_items_and_removes_meetings_cancelled_and_mail_deleted_meanwhile()
    {
        var contoso = await ProvisionAsync(Contoso);
        var people = await WorkersAsync(contoso, 12);
        await SyncAllAsync(contoso, people);
        var before = (await ActivityRowsAsync(contoso)).ToDictionary(r => (r.PersonExternalId, r.Source, r.ExternalId));

        Clock.Advance(TimeSpan.FromHours(48));

        var attendeeCancellations = 0;
        var organizerRemovals = 0;
        var deletedMail = 0;
        var newItems = 0;
        foreach (var person in people)
        {
            var mailCheckpoint = (await CheckpointAsync(contoso, person, ServiceFeature.Email))!;
            var calendarCheckpoint = (await CheckpointAsync(contoso, person, ServiceFeature.Calendar))!;
            var rawCalendar = (await SandboxMailbox.CalendarAsync(Contoso.TenantId, person.ExternalId, calendarCheckpoint.RangeStart!.Value, calendarCheckpoint.RangeEnd!.Value))
                .ToDictionary(e => e.Id);
            var expected = await ExpectedRowsAsync(contoso, person, mailCheckpoint.RangeStart!.Value, calendarCheckpoint.RangeStart!.Value, calendarCheckpoint.RangeEnd!.Value);
            var hadBefore = before.Values.Where(r => r.PersonExternalId == person.ExternalId).ToList();
            int New(ActivitySource source) => expected.Count(r => r.Source == source && !before.ContainsKey((r.PersonExternalId, r.Source, r.ExternalId)));
            int Gone(ActivitySource source) => hadBefore.Count(r => r.Source == source && !expected.Any(e => e.Source == source && e.ExternalId == r.ExternalId));

            var email = await SyncCompletedAsync(contoso, person, ServiceFeature.Email);
            var calendar = await SyncCompletedAsync(contoso, person, ServiceFeature.Calendar);

            Assert.Equal(New(ActivitySource.Outlook), email.Stored);
            Assert.Equal(Gone(ActivitySource.Outlook), email.Removed);
            Assert.Equal(New(ActivitySource.OutlookCalendar), calendar.Stored);
            Assert.Equal(Gone(ActivitySource.OutlookCalendar), calendar.Removed);
            var stored = await ActivityRowsAsync(contoso, person);
            AssertSameRows(expected, stored);

            newItems += email.Stored + calendar.Stored;
            deletedMail += email.Removed;
            foreach (var meeting in hadBefore.Where(r => r.Source == ActivitySource.OutlookCalendar))
            {
                if (!rawCalendar.TryGetValue(meeting.ExternalId, out var now))
                {
                    organizerRemovals++;
                    Assert.DoesNotContain(stored, r => r.ExternalId == meeting.ExternalId);
                }
                else if (ExpectedActivities.IsCancelled(now))
                {
                    attendeeCancellations++;
                    Assert.StartsWith("Canceled: ", now.Json["subject"]!.GetValue<string>(), StringComparison.Ordinal);
                    Assert.DoesNotContain(stored, r => r.ExternalId == meeting.ExternalId);
                }
            }
        }

        Assert.True(newItems > 0, "Nothing new happened in 48 hours.");
        Assert.True(attendeeCancellations > 0, "No attendee saw a meeting cancelled.");
        Assert.True(organizerRemovals > 0, "No organiser cancelled or deleted a meeting.");
        Assert.True(deletedMail > 0, "No sent message was deleted.");
    }

    [Fact]
    public async Task Expired_delta_links_lead_to_a_full_read_that_ends_like_a_fresh_one_and_keeps_older_history()
    {
        var contoso = await ProvisionAsync(Contoso);
        var people = await WorkersAsync(contoso, 3);
        await SyncAllAsync(contoso, people);
        var before = await ActivityRowsAsync(contoso);

        Clock.Advance(TimeSpan.FromHours(40));
        Sandbox.Faults.ExpireAllDeltaTokens();
        Sandbox.Server.RequestLog.Clear();
        await SyncAllAsync(contoso, people);

        var graph = Sandbox.GraphRequests;
        var expired = graph.Where(r => r.StatusCode == 410).ToList();
        Assert.Equal(2 * people.Count, expired.Count);
        Assert.All(expired, r => Assert.True(SandboxGraph.QueryOf(r).ContainsKey("$deltatoken")));
        Assert.All(expired, r => Assert.Contains(graph.SkipWhile(g => g != r).Skip(1), g =>
            g.StatusCode == 200 && SandboxGraph.PathOf(g).Replace("delta()", "delta", StringComparison.Ordinal) == SandboxGraph.PathOf(r) && !SandboxGraph.QueryOf(g).ContainsKey("$deltatoken") && !SandboxGraph.QueryOf(g).ContainsKey("$skiptoken")));

        using var freshDatabase = new TestDatabase();
        var fresh = await ProvisionAsync(freshDatabase, Contoso);
        await SyncAllAsync(fresh, await SamePeopleAsync(fresh, people));
        var reference = await ActivityRowsAsync(fresh);

        var now = Clock.GetUtcNow();
        var windowStart = now - SyncMailboxCommandHandler.Backfill;
        bool InWindow(ActivityRow r) => r.OccurredAt >= windowStart;
        var after = await ActivityRowsAsync(contoso);
        AssertSameRows(reference, Ordered(after.Where(InWindow)));
        var history = before.Where(r => !InWindow(r)).ToList();
        Assert.NotEmpty(history);
        AssertSameRows(history, Ordered(after.Where(r => !InWindow(r))));
        var reconciled = before.Where(InWindow).Except(reference).ToList();
        Assert.NotEmpty(reconciled);
        Assert.DoesNotContain(after, reconciled.Contains);

        foreach (var person in people)
        {
            var checkpoint = (await CheckpointAsync(contoso, person, ServiceFeature.Calendar))!;
            Assert.Equal(windowStart, checkpoint.RangeStart);
            Assert.Equal(now + SyncMailboxCommandHandler.CalendarLookAhead, checkpoint.RangeEnd);
            Assert.False(checkpoint.IsFullRead);
        }
    }

    [Fact]
    public async Task A_switched_off_feature_a_blocked_person_and_a_person_removed_from_the_directory_are_skipped_without_a_request()
    {
        var contoso = await ProvisionAsync(Contoso);
        var worker = (await WorkersAsync(contoso, 1)).Single();
        var leaver = (await WorkersAsync(contoso, 2)).Last();
        var serviceAccount = await PersonAsync(contoso, "svc-backup@contoso.com");
        Assert.Equal(ProvisioningState.Blocked, serviceAccount.ProvisioningState);
        Sandbox.Directory.RemoveUser(Contoso.TenantId, leaver.ExternalId);
        await ImportAsync(contoso);
        Assert.Equal(PersonStatus.Removed, (await PersonAsync(contoso, leaver.Email)).Status);
        await UpdateServiceAsync(contoso, s => s.SetFeature(ServiceFeature.Email, false));
        Sandbox.Server.RequestLog.Clear();

        Assert.Equal(SyncResult.Skip(), await SyncAsync(contoso, worker, ServiceFeature.Email));
        Assert.Empty(Sandbox.Requests);
        foreach (var skipped in new[] { serviceAccount, leaver })
        {
            Assert.Equal(SyncResult.Skip(), await SyncAsync(contoso, skipped, ServiceFeature.Calendar));
        }

        Assert.Empty(Sandbox.Requests);
        var calendar = await SyncCompletedAsync(contoso, worker, ServiceFeature.Calendar);

        Assert.True(calendar.Stored > 0);
        Assert.All(Sandbox.GraphRequests, r => Assert.Contains("/calendarView/", r.PathAndQuery, StringComparison.Ordinal));
        var rows = await ActivityRowsAsync(contoso);
        Assert.All(rows, r => Assert.Equal((worker.ExternalId, ActivitySource.OutlookCalendar), (r.PersonExternalId, r.Source)));
        Assert.Null(await CheckpointAsync(contoso, worker, ServiceFeature.Email));

        await UpdateServiceAsync(contoso, s => s.SetFeature(ServiceFeature.Email, true));
        Assert.True((await SyncCompletedAsync(contoso, worker, ServiceFeature.Email)).Stored > 0);
    }
}
