using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.Scores;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Scores;

/// <summary>Issue 11 "Done when": a newcomer who signs up the demo organisation has scored days of its history within two minutes.</summary>
public sealed class ScoresArrivalTests : IAsyncLifetime
{
    private readonly WorkSightsApp app = new() { ActivitySyncEnabled = true };
    private SignUpJourney? owner;

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync()
    {
        owner?.Dispose();
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    [Fact]
    public async Task ImportedHistoryIsScoredWithinTwoMinutesOfSignUp()
    {
        owner = new SignUpJourney(app);
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);

        var deadline = DateTime.UtcNow.AddMinutes(2);
        Snapshot? seen = null;
        while (DateTime.UtcNow < deadline)
        {
            seen = await SnapshotAsync();
            if (seen.IsComplete)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        Assert.NotNull(seen);
        Assert.True(seen.IsComplete, seen.ToString());
        Assert.All(seen.WorkDayScores, score => Assert.InRange(score, 0, 400));
        Assert.True(seen.WorkDayScores.Average() > 5, seen.ToString());
    }

    private Task<Snapshot> SnapshotAsync() =>
        app.InWorkspaceAsync(SandboxTenants.Fabrikam.TenantId, async db =>
        {
            var people = await db.People.CountAsync();
            var days = await db.PersonDays.AsNoTracking()
                .Select(d => new { d.PersonId, d.Date, d.Score, d.IsWorkDay, d.ItemCount, d.Summary })
                .ToListAsync();
            var workspaceDays = await db.GroupDays.CountAsync(g => g.Team == GroupDay.Workspace);
            var dirty = await db.DirtyPersonDays.CountAsync();
            var activities = await db.Activities.CountAsync();
            return new Snapshot(
                people,
                activities,
                days.Select(d => d.PersonId).Distinct().Count(),
                days.Select(d => d.Date).Distinct().Count(),
                [.. days.Where(d => d.IsWorkDay && d.ItemCount > 0).Select(d => d.Score ?? -1)],
                days.All(d => d.Summary.Length > 0),
                workspaceDays,
                dirty);
        });

    private sealed record Snapshot(int People, int Activities, int PeopleWithDays, int Dates, int[] WorkDayScores, bool Summaries, int WorkspaceDays, int Dirty)
    {
        /// <summary>Every person has days over the history a first sync reads (29 days), scored, summarised and aggregated.</summary>
        public bool IsComplete =>
            People > 0 && Activities > 0 && PeopleWithDays == People && Dates >= 29 && WorkDayScores.Length > People && Summaries && WorkspaceDays >= 29 && Dirty == 0;

        public override string ToString() =>
            $"{People} people, {Activities} items, {PeopleWithDays} with days, {Dates} dates, {WorkDayScores.Length} scored work days, {WorkspaceDays} workspace days, {Dirty} dirty";
    }
}
