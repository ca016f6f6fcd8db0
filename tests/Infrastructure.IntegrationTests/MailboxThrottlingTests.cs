using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.SyncMailbox;
using WorkSights.Domain.Ingestion;
using WorkSights.Infrastructure.IntegrationTests.Support;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>Throttling beyond what the SDK may wait in process parks the mailbox until Retry-After (SECURITY.md, Graph resilience).</summary>
public sealed class MailboxThrottlingTests : MailboxSyncTestBase
{
    [Fact]
    public async Task Throttling_beyond_the_retries_parks_the_mailbox_until_retry_after_without_moving_the_checkpoint_or_sending_requests_meanwhile()
    {
        var contoso = await ProvisionAsync(Contoso);
        var person = (await WorkersAsync(contoso, 1)).Single();
        await SyncCompletedAsync(contoso, person, ServiceFeature.Email);
        var before = (await CheckpointAsync(contoso, person, ServiceFeature.Email))!;
        var rows = await ActivityRowsAsync(contoso);
        Clock.Advance(TimeSpan.FromHours(3));
        var throttledAt = Clock.GetUtcNow();
        Sandbox.Faults.Throttle(50, 600);
        Sandbox.Server.RequestLog.Clear();

        var parked = await SyncAsync(contoso, person, ServiceFeature.Email);

        var notBefore = throttledAt + TimeSpan.FromSeconds(600);
        Assert.Equal(new SyncResult(SyncOutcome.Parked, 0, 0, notBefore), parked);
        var graph = Sandbox.GraphRequests;
        Assert.Single(graph); // Retry-After: 600 is beyond what the SDK may wait in process: no early retry.
        Assert.Equal(429, graph[0].StatusCode);
        var checkpoint = (await CheckpointAsync(contoso, person, ServiceFeature.Email))!;
        Assert.Equal((before.ResumeLink, before.ItemsImported, before.LastCompletedAt, false), (checkpoint.ResumeLink, checkpoint.ItemsImported, checkpoint.LastCompletedAt, checkpoint.IsMidRound));
        Assert.Equal(notBefore, checkpoint.NotBefore);
        Assert.Equal(notBefore, (await ServiceAsync(contoso)).ThrottledUntil);
        var view = await ServiceViewAsync(contoso);
        Assert.Equal((ConnectionStatus.Throttled, notBefore), (view.Status, view.ThrottledUntil));
        Assert.Equal(rows, await ActivityRowsAsync(contoso));

        Clock.Advance(TimeSpan.FromSeconds(599));
        Sandbox.Server.RequestLog.Clear();
        Assert.Equal(new SyncResult(SyncOutcome.Parked, 0, 0, notBefore), await SyncAsync(contoso, person, ServiceFeature.Email));
        Assert.Empty(Sandbox.Requests);
        Assert.Equal(49, Sandbox.Faults.ThrottledRequestsRemaining);

        Sandbox.Faults.Reset();
        Clock.Advance(TimeSpan.FromSeconds(2));
        var resumed = await SyncCompletedAsync(contoso, person, ServiceFeature.Email);

        Assert.True(resumed.Stored > 0, "Three hours passed without new mail.");
        checkpoint = (await CheckpointAsync(contoso, person, ServiceFeature.Email))!;
        Assert.Null(checkpoint.NotBefore);
        Assert.Equal(Clock.GetUtcNow(), checkpoint.LastCompletedAt);
        Assert.Equal(DeltaTokenOf(before.ResumeLink!), SandboxGraph.QueryOf(Sandbox.GraphRequests[0])["$deltatoken"]);
        Assert.Equal(ConnectionStatus.Connected, (await ServiceViewAsync(contoso)).Status);
        AssertSameRows(await ExpectedRowsAsync(contoso, person, before.RangeStart!.Value, throttledAt, throttledAt.AddSeconds(1)), await ActivityRowsAsync(contoso, person));
    }

    [Fact]
    public async Task Throttling_during_the_full_read_after_an_expired_delta_link_parks_the_mailbox_instead_of_failing_the_job()
    {
        var contoso = await ProvisionAsync(Contoso);
        var person = (await WorkersAsync(contoso, 1)).Single();
        await SyncCompletedAsync(contoso, person, ServiceFeature.Calendar);
        Clock.Advance(TimeSpan.FromHours(1));
        Sandbox.Faults.ExpireAllDeltaTokens();
        var reader = new ThrottleFullReadsReader(Sandbox);

        var result = await SyncAsync(contoso, person, ServiceFeature.Calendar, reader);

        Assert.Equal(SyncOutcome.Parked, result.Outcome);
        Assert.Equal(Clock.GetUtcNow().AddSeconds(600), result.NotBefore);
        Assert.Equal(result.NotBefore, (await ServiceAsync(contoso)).ThrottledUntil);
    }

    /// <summary>Throttles the first request of every full read (not the delta-link replay before it).</summary>
    private sealed class ThrottleFullReadsReader(SandboxGraph sandbox) : Application.Common.Interfaces.IMailboxReader
    {
        public IAsyncEnumerable<Application.Ingestion.SourcePage<Application.Ingestion.SentMail>> ReadSentMailAsync(string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset since, CancellationToken cancellationToken)
        {
            Arm(resumeLink);
            return sandbox.MailboxReader.ReadSentMailAsync(externalTenantId, mailbox, resumeLink, since, cancellationToken);
        }

        public IAsyncEnumerable<Application.Ingestion.SourcePage<Application.Ingestion.CalendarEntry>> ReadCalendarAsync(string externalTenantId, string mailbox, string? resumeLink, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        {
            Arm(resumeLink);
            return sandbox.MailboxReader.ReadCalendarAsync(externalTenantId, mailbox, resumeLink, from, to, cancellationToken);
        }

        private void Arm(string? resumeLink)
        {
            if (resumeLink is null)
            {
                sandbox.Faults.Throttle(1, 600);
            }
        }
    }
}

/// <summary>Throttling the SDK may wait out: with a clock that runs in real time, the request log shows the waits.</summary>
public sealed class MailboxRetryAfterTests : MailboxSyncTestBase
{
    /// <summary>Timers run on a coarse tick; a wait of exactly Retry-After can measure a millisecond or two short.</summary>
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(20);

    private TickingClock? ticking;

    protected override TimeProvider AppClock => ticking ??= new TickingClock(Clock);

    [Fact]
    public async Task Throttled_mailbox_sync_waits_for_retry_after_before_each_retry_and_completes()
    {
        var contoso = await ProvisionAsync(Contoso);
        var person = (await WorkersAsync(contoso, 1)).Single();
        Sandbox.Faults.Throttle(2, 1);
        Sandbox.Server.RequestLog.Clear();

        var result = await SyncCompletedAsync(contoso, person, ServiceFeature.Email);

        Assert.True(result.Stored > 0);
        Assert.Equal(0, Sandbox.Faults.ThrottledRequestsRemaining);
        var graph = Sandbox.GraphRequests;
        var throttled = Enumerable.Range(0, graph.Count).Where(i => graph[i].StatusCode == 429).ToList();
        Assert.Equal([0, 1], throttled);
        foreach (var index in throttled)
        {
            var retry = graph[index + 1];
            Assert.Equal(graph[index].PathAndQuery, retry.PathAndQuery);
            var waited = retry.TimestampUtc - graph[index].TimestampUtc;
            Assert.True(waited >= TimeSpan.FromSeconds(1) - TimerSlack, $"Retried after {waited.TotalMilliseconds} ms despite Retry-After: 1.");
            Assert.True(waited < TimeSpan.FromSeconds(3), $"Retried only after {waited.TotalMilliseconds} ms.");
        }

        Assert.All(graph.Skip(2), r => Assert.Equal(200, r.StatusCode));
        var checkpoint = (await CheckpointAsync(contoso, person, ServiceFeature.Email))!;
        Assert.Null(checkpoint.NotBefore);
        Assert.Contains("$deltatoken=", checkpoint.ResumeLink, StringComparison.Ordinal);
    }
}
