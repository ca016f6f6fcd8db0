using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.SyncMailbox;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Ingestion;
using WorkSights.Infrastructure.IntegrationTests.Support;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>The first sync of a mailbox: PRODUCT.md's crediting rules applied to what the sandbox serves.</summary>
public sealed class MailboxBackfillTests : MailboxSyncTestBase
{
    [Fact]
    public async Task Backfill_stores_sent_mail_and_calendar_with_the_scored_kinds_and_a_second_sync_replays_the_delta_links_storing_nothing()
    {
        var contoso = await ProvisionAsync(Contoso);
        var person = await PersonAsync(contoso, "hugo.lindgren@contoso.com");
        var now = Clock.GetUtcNow();
        var rawMail = await SandboxMailbox.SentMailAsync(Contoso.TenantId, person.ExternalId, now - SyncMailboxCommandHandler.Backfill);
        var rawCalendar = await SandboxMailbox.CalendarAsync(Contoso.TenantId, person.ExternalId, now - SyncMailboxCommandHandler.Backfill, now + SyncMailboxCommandHandler.CalendarLookAhead);
        var expected = await ExpectedRowsAsync(contoso, person, now);

        // The mailbox holds every case the rules distinguish.
        Assert.Contains(rawMail, m => m.Json["isDraft"]!.GetValue<bool>());
        Assert.Contains(rawCalendar, ExpectedActivities.IsCancelled);
        Assert.Contains(rawCalendar, ExpectedActivities.IsDeclined);
        Assert.Contains(expected, r => r.Kind == ActivityKind.Meeting && r.IsScored && !r.IsExternal);
        Assert.Contains(expected, r => r.Kind == ActivityKind.Meeting && r.IsExternal);
        Assert.Contains(expected, r => r.Kind == ActivityKind.CalendarBlock);
        Assert.Contains(rawCalendar, e => ExpectedActivities.LengthOf(e) > TimeSpan.FromHours(10) && !ExpectedActivities.IsCancelled(e) && !ExpectedActivities.IsDeclined(e));
        Assert.Contains(expected, r => r.Kind == ActivityKind.EmailSent && r.IsExternal);
        Assert.Contains(expected, r => r.Kind == ActivityKind.EmailSent && !r.IsExternal);

        var email = await SyncCompletedAsync(contoso, person, ServiceFeature.Email);
        var calendar = await SyncCompletedAsync(contoso, person, ServiceFeature.Calendar);

        var stored = await ActivityRowsAsync(contoso, person);
        AssertSameRows(expected, stored);
        Assert.Equal(rawMail.Count(m => !m.Json["isDraft"]!.GetValue<bool>()), email.Stored);
        Assert.Equal(rawCalendar.Count(e => !ExpectedActivities.IsCancelled(e) && !ExpectedActivities.IsDeclined(e)), calendar.Stored);
        Assert.All(stored.Where(r => r.Kind == ActivityKind.EmailSent), r => Assert.Equal((TimeSpan.FromMinutes(5), true), (r.CreditedDuration, r.IsScored)));
        Assert.All(stored.Where(r => r.Kind == ActivityKind.CalendarBlock), r => Assert.False(r.IsScored));
        Assert.All(stored.Where(r => r.CreditedDuration > TimeSpan.FromHours(10)), r => Assert.Fail($"{r.Title} is credited with more than 10 h."));
        var cancelledOrDeclined = rawCalendar.Where(e => ExpectedActivities.IsCancelled(e) || ExpectedActivities.IsDeclined(e)).Select(e => e.Id).ToHashSet();
        Assert.DoesNotContain(stored, r => cancelledOrDeclined.Contains(r.ExternalId));
        var longEntry = rawCalendar.First(e => ExpectedActivities.LengthOf(e) > TimeSpan.FromHours(10) && !ExpectedActivities.IsCancelled(e) && !ExpectedActivities.IsDeclined(e));
        Assert.False(stored.Single(r => r.ExternalId == longEntry.Id).IsScored);

        var mailCheckpoint = (await CheckpointAsync(contoso, person, ServiceFeature.Email))!;
        var calendarCheckpoint = (await CheckpointAsync(contoso, person, ServiceFeature.Calendar))!;
        Assert.Equal(email.Stored, mailCheckpoint.ItemsImported);
        Assert.Equal(now, mailCheckpoint.LastCompletedAt);
        Assert.False(mailCheckpoint.IsMidRound);
        Assert.Contains("$deltatoken=", mailCheckpoint.ResumeLink, StringComparison.Ordinal);
        Assert.Contains("$deltatoken=", calendarCheckpoint.ResumeLink, StringComparison.Ordinal);
        Sandbox.Server.RequestLog.Clear();

        Assert.Equal(new SyncResult(SyncOutcome.Completed, 0, 0), await SyncAsync(contoso, person, ServiceFeature.Email));
        Assert.Equal(new SyncResult(SyncOutcome.Completed, 0, 0), await SyncAsync(contoso, person, ServiceFeature.Calendar));

        AssertSameRows(expected, await ActivityRowsAsync(contoso, person));
        var graph = Sandbox.GraphRequests;
        Assert.Equal(2, graph.Count);
        Assert.All(graph, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(DeltaTokenOf(mailCheckpoint.ResumeLink!), SandboxGraph.QueryOf(graph[0])["$deltatoken"]);
        Assert.Equal(DeltaTokenOf(calendarCheckpoint.ResumeLink!), SandboxGraph.QueryOf(graph[1])["$deltatoken"]);
        Assert.Contains("/mailFolders/sentitems/messages/delta", SandboxGraph.PathOf(graph[0]), StringComparison.Ordinal);
        Assert.Contains("/calendarView/delta", SandboxGraph.PathOf(graph[1]), StringComparison.Ordinal);
        Assert.Equal("odata.maxpagesize=100", graph[0].Prefer);
    }

    [Fact]
    public async Task Every_request_of_a_backfill_and_an_incremental_sync_asks_for_metadata_only_and_no_table_has_a_column_for_content_or_secrets()
    {
        var contoso = await ProvisionAsync(Contoso);
        var people = await WorkersAsync(contoso, 3);
        Sandbox.Server.RequestLog.Clear();

        await SyncAllAsync(contoso, people);
        Clock.Advance(TimeSpan.FromHours(6));
        await SyncAllAsync(contoso, people);

        var requests = Sandbox.Requests;
        var graph = Sandbox.GraphRequests;
        Assert.True(graph.Count >= 2 * 2 * people.Count, $"Only {graph.Count} Graph requests were made.");
        Assert.Contains(graph, r => SandboxGraph.QueryOf(r).ContainsKey("$select"));
        string[] forbidden = ["body", "bodypreview", "uniquebody", "attachment", "content", "mimecontent"];
        foreach (var request in requests)
        {
            var path = SandboxGraph.PathOf(request).ToLowerInvariant();
            Assert.DoesNotContain(forbidden, word => path.Contains(word, StringComparison.Ordinal));
            foreach (var (name, value) in SandboxGraph.QueryOf(request))
            {
                Assert.DoesNotContain(forbidden, word => name.Contains(word, StringComparison.OrdinalIgnoreCase));
                if (name is "$skiptoken" or "$deltatoken")
                {
                    continue; // opaque, and they carry the $select of the request that started the round
                }

                Assert.DoesNotContain(forbidden, word => value.Contains(word, StringComparison.OrdinalIgnoreCase));
                Assert.NotEqual("$expand", name);
            }

            Assert.DoesNotContain("body", request.Prefer ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        }

        Assert.All(graph, r => Assert.Equal("GET", r.Method));
        var columns = Database.Columns();
        Assert.Contains(("Activities", "Title"), columns);
        string[] unsafeColumns = ["body", "preview", "uniquebody", "content", "attachment", "password", "refreshtoken", "secret"];
        // An API key's SHA-256 of its 256-bit random secret checks a secret presented, and gives nothing back of it.
        (string Table, string Column)[] verifiers = [("ApiKeys", "SecretHash")];
        Assert.All(columns.Except(verifiers), c => Assert.DoesNotContain(unsafeColumns, word => c.Column.Contains(word, StringComparison.OrdinalIgnoreCase)));
    }
}
