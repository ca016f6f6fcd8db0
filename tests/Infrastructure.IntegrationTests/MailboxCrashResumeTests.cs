using Microsoft.EntityFrameworkCore.Diagnostics;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.SyncMailbox;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.IntegrationTests.Support;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>PRODUCT.md "Nothing lost": a sync interrupted anywhere resumes to exactly the rows of an uninterrupted one.</summary>
public sealed class MailboxCrashResumeTests : MailboxSyncTestBase
{
    private static readonly ServiceFeature[] Features = [ServiceFeature.Email, ServiceFeature.Calendar];

    [Fact]
    public async Task Syncs_killed_at_random_points_and_resumed_end_with_exactly_the_rows_of_uninterrupted_syncs()
    {
        var reference = await ProvisionAsync(Contoso);
        using var crashedDatabase = new TestDatabase();
        var crashed = await ProvisionAsync(crashedDatabase, Contoso);
        var people = await WorkersAsync(reference, 4);
        var crashedPeople = await SamePeopleAsync(crashed, people);
        var random = new Random(20261201);

        await SyncAllAsync(reference, people);
        var backfillCrashes = await SyncWithCrashesAsync(crashed, crashedPeople, random, maxPages: 5, maxCommands: 14);
        var expected = await ActivityRowsAsync(reference);
        Assert.True(expected.Count > 1000, $"Only {expected.Count} activities.");
        AssertSameRows(expected, await ActivityRowsAsync(crashed));

        Clock.Advance(TimeSpan.FromHours(36));
        await SyncAllAsync(reference, people);
        var incrementalCrashes = await SyncWithCrashesAsync(crashed, crashedPeople, random, maxPages: 1, maxCommands: 7);
        var afterIncremental = await ActivityRowsAsync(reference);
        Assert.NotEqual(expected, afterIncremental);
        AssertSameRows(afterIncremental, await ActivityRowsAsync(crashed));
        Assert.True(backfillCrashes + incrementalCrashes >= 20, $"Only {backfillCrashes} + {incrementalCrashes} crashes.");
        Assert.True(incrementalCrashes >= 4, $"Only {incrementalCrashes} crashes during incremental syncs.");
    }

    [Fact]
    public async Task Syncs_under_random_503s_and_malformed_json_eventually_complete_with_the_rows_of_a_clean_sync()
    {
        var faulty = await ProvisionAsync(Contoso);
        var people = await WorkersAsync(faulty, 3);
        var start = Clock.GetUtcNow();

        // Malformed JSON in the middle of a backfill: the run stops, the next one continues from the stored page.
        var first = people[0];
        var reader = new InterruptingMailboxReader(Sandbox.MailboxReader, afterPage: page =>
        {
            if (page == 1)
            {
                Sandbox.Faults.MalformedJson(2);
            }
        });
        var broken = await SyncAsync(faulty, first, ServiceFeature.Email, reader);
        Assert.Equal(SyncOutcome.ProviderUnavailable, broken.Outcome);
        Assert.Contains("could not be read", broken.Problem, StringComparison.Ordinal);
        var checkpoint = (await CheckpointAsync(faulty, first, ServiceFeature.Email))!;
        Assert.True(checkpoint.IsMidRound);
        var firstPage = await ActivityRowsAsync(faulty, first);
        Assert.InRange(firstPage.Count, 90, 100);
        Assert.Equal(firstPage.Count, checkpoint.ItemsImported);
        Assert.Equal(SyncOutcome.ProviderUnavailable, (await SyncAsync(faulty, first, ServiceFeature.Email)).Outcome);
        Assert.Equal(0, Sandbox.Faults.MalformedJsonRemaining);
        Sandbox.Server.RequestLog.Clear();
        Assert.Equal(SyncOutcome.Completed, (await SyncAsync(faulty, first, ServiceFeature.Email)).Outcome);
        Assert.Equal(checkpoint.ResumeLink, new Uri(Sandbox.Server.HttpBaseAddress, Sandbox.GraphRequests[0].PathAndQuery).ToString());

        // Random 503s: the SDK retries after Retry-After; a request failing every retry parks the mailbox briefly.
        Sandbox.Faults.Seed = 11;
        Sandbox.Faults.FailureRate(0.3, 503);
        Sandbox.Server.RequestLog.Clear();
        var outcomes = new List<SyncOutcome>();
        foreach (var person in people)
        {
            foreach (var feature in Features)
            {
                for (var attempt = 0; ; attempt++)
                {
                    Assert.True(attempt < 30, $"{feature} of {person.Email} never completed.");
                    var result = await SyncAsync(faulty, person, feature);
                    outcomes.Add(result.Outcome);
                    if (result.Outcome == SyncOutcome.Completed)
                    {
                        break;
                    }

                    Assert.True(result.Outcome is SyncOutcome.Parked or SyncOutcome.ProviderUnavailable, result.ToString());
                    if (result.NotBefore is { } notBefore)
                    {
                        Clock.Advance(notBefore - Clock.GetUtcNow() + TimeSpan.FromSeconds(1));
                    }
                }
            }
        }

        var failures = Sandbox.GraphRequests.Where(r => r.StatusCode == 503).ToList();
        Assert.True(failures.Count >= 3, $"Only {failures.Count} requests failed.");
        Sandbox.Faults.Reset();
        await SyncAllAsync(faulty, people);

        using var cleanDatabase = new TestDatabase();
        var clean = await ProvisionAsync(cleanDatabase, Contoso);
        await SyncAllAsync(clean, await SamePeopleAsync(clean, people));
        var windowStart = Clock.GetUtcNow() - SyncMailboxCommandHandler.Backfill;
        var windowEnd = start + SyncMailboxCommandHandler.CalendarLookAhead;
        bool InBothWindows(ActivityRow r) => r.OccurredAt >= windowStart && r.OccurredAt < windowEnd;
        AssertSameRows(Ordered((await ActivityRowsAsync(clean)).Where(InBothWindows)), Ordered((await ActivityRowsAsync(faulty)).Where(InBothWindows)));
    }

    /// <summary>Each person's email and calendar synced to completion, most runs killed at a random page or database command.</summary>
    private async Task<int> SyncWithCrashesAsync(Workspace workspace, IReadOnlyList<Person> people, Random random, int maxPages, int maxCommands)
    {
        var crashes = 0;
        foreach (var person in people)
        {
            foreach (var feature in Features)
            {
                for (var attempt = 0; ; attempt++)
                {
                    Assert.True(attempt < 10, $"{feature} of {person.Email} never completed.");
                    IMailboxReader? reader = null;
                    IInterceptor[] interceptors = [];
                    if (attempt < 4 && random.Next(2) == 0)
                    {
                        reader = new InterruptingMailboxReader(Sandbox.MailboxReader, pagesBeforeCrash: random.Next(0, maxPages + 1));
                    }
                    else if (attempt < 4)
                    {
                        interceptors = [new CrashingCommandInterceptor(random.Next(0, maxCommands + 1))];
                    }

                    try
                    {
                        var result = await SyncAsync(workspace, person, feature, reader, interceptors);
                        Assert.Equal(SyncOutcome.Completed, result.Outcome);
                        break;
                    }
                    catch (Exception ex) when (IsCrash(ex))
                    {
                        crashes++;
                    }
                }
            }
        }

        return crashes;
    }

    private static bool IsCrash(Exception? ex) => ex is not null && (ex is SimulatedCrashException || IsCrash(ex.InnerException));
}
