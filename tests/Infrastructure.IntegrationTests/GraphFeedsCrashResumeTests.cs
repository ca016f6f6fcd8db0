using Microsoft.EntityFrameworkCore.Diagnostics;
using WorkSights.Application.Ingestion;
using WorkSights.Domain.Ingestion;
using WorkSights.Infrastructure.IntegrationTests.Support;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>PRODUCT.md "Nothing lost", for the workspace-wide feeds: a sync killed anywhere resumes to the rows of an uninterrupted one.</summary>
public sealed class GraphFeedsCrashResumeTests : FeedSyncTestBase
{
    private static readonly TenantFeed[] Feeds = [TenantFeed.CallRecords, TenantFeed.SignIns];

    [Fact]
    public async Task Feed_syncs_killed_at_random_points_and_resumed_end_with_exactly_the_rows_of_uninterrupted_syncs()
    {
        var reference = await ProvisionAsync(Fabrikam);
        using var crashedDatabase = new TestDatabase();
        var crashed = await ProvisionAsync(crashedDatabase, Fabrikam);
        var random = new Random(20261127);

        await SyncFeedsCompletedAsync(reference);
        var backfillCrashes = await SyncWithCrashesAsync(crashed, random, maxPages: 12, maxCommands: 40);
        var expected = await ActivityRowsAsync(reference);
        Assert.True(expected.Count > 500, $"Only {expected.Count} activities.");
        AssertSameRows(expected, await ActivityRowsAsync(crashed));

        Clock.Advance(TimeSpan.FromHours(36));
        await SyncFeedsCompletedAsync(reference);
        var incrementalCrashes = await SyncWithCrashesAsync(crashed, random, maxPages: 2, maxCommands: 6);
        var afterIncremental = await ActivityRowsAsync(reference);
        Assert.True(afterIncremental.Count > expected.Count, "Nothing new in 36 hours.");
        AssertSameRows(afterIncremental, await ActivityRowsAsync(crashed));
        Assert.True(backfillCrashes >= 4 && incrementalCrashes >= 2, $"Only {backfillCrashes} + {incrementalCrashes} crashes.");
    }

    /// <summary>Each feed synced to completion, most runs killed at a random page or database command.</summary>
    private async Task<int> SyncWithCrashesAsync(Workspace workspace, Random random, int maxPages, int maxCommands)
    {
        var crashes = 0;
        foreach (var feed in Feeds)
        {
            for (var attempt = 0; ; attempt++)
            {
                Assert.True(attempt < 10, $"{feed} never completed.");
                InterruptingFeedReader? reader = null;
                IInterceptor[] interceptors = [];
                if (attempt < 4 && random.Next(2) == 0)
                {
                    reader = new InterruptingFeedReader(Sandbox.CallRecordReader, Sandbox.SignInReader, pagesBeforeCrash: random.Next(0, maxPages + 1));
                }
                else if (attempt < 4)
                {
                    interceptors = [new CrashingCommandInterceptor(random.Next(0, maxCommands + 1))];
                }

                try
                {
                    var result = await SyncFeedAsync(workspace, feed, reader, interceptors);
                    Assert.Equal(SyncOutcome.Completed, result.Outcome);
                    break;
                }
                catch (Exception ex) when (IsCrash(ex))
                {
                    crashes++;
                }
            }
        }

        return crashes;
    }

    private static bool IsCrash(Exception? ex) => ex is not null && (ex is SimulatedCrashException || IsCrash(ex.InnerException));
}
