using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Scores;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Scores;
using WorkSights.Infrastructure.Scores;
using static WorkSights.Infrastructure.IntegrationTests.Scores.ScoreReadModelWorkspace;

namespace WorkSights.Infrastructure.IntegrationTests.Scores;

/// <summary>The recompute of person-days and their team and workspace days, on a real SQLite file.</summary>
public sealed class PersonDayRecomputerTests : IDisposable
{
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private static readonly DateOnly Tuesday = new(2026, 11, 17);

    private readonly ScoreReadModelWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private static DateTimeOffset Utc(DateOnly date, int hour, int minute = 0) => new(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    private Task<List<PersonDay>> PersonDaysAsync() =>
        workspace.InWorkspaceAsync(db => db.PersonDays.AsNoTracking().OrderBy(d => d.PersonId).ThenBy(d => d.Date).ToListAsync());

    [Fact]
    public async Task MarksEveryDateASyncedItemCanFallOnInTheSameSave()
    {
        var ann = await workspace.AddPersonAsync("ann", "Europe/London");

        await workspace.SyncAsync(workspace.Item(ann, ActivityKind.EmailSent, Utc(Monday, 10), CreditingRules.SentEmail));

        var dirty = await workspace.DirtyDaysAsync();
        Assert.Equal([Monday.AddDays(-1), Monday, Tuesday], dirty.Where(d => d.PersonId == ann.Id).Select(d => d.Date).Order());
    }

    [Fact]
    public async Task SplitsAMeetingAcrossLocalMidnightBetweenBothDaysAndRemovesTheMarks()
    {
        var ann = await workspace.AddPersonAsync("ann", "Europe/London");

        await workspace.SyncAsync(workspace.Item(ann, ActivityKind.Meeting, Utc(Monday, 23), TimeSpan.FromHours(2)));
        await workspace.DrainAsync();

        var days = (await PersonDaysAsync()).ToDictionary(d => d.Date);
        Assert.Equal(TimeSpan.FromHours(1), days[Monday].Credited);
        Assert.Equal(TimeSpan.FromHours(1), days[Tuesday].Credited);
        Assert.Equal(TimeSpan.FromHours(1), days[Monday].AfterHours);
        Assert.Equal(1, days[Tuesday].ItemCount);
        Assert.Equal(16, days[Tuesday].Score);
        Assert.Equal("Europe/London", days[Monday].TimeZoneId);
        Assert.Equal((23, 1), (Enumerable.Range(0, 24).Single(hour => days[Monday].ItemsByHour[hour] > 0), days[Monday].ItemsByHour.Total));
        Assert.Equal(0, days[Tuesday].ItemsByHour.Total);
        Assert.Empty(await workspace.DirtyDaysAsync());
    }

    [Fact]
    public async Task PutsAnItemOnThePersonsOwnLocalDateWhateverTheUtcDate()
    {
        var bob = await workspace.AddPersonAsync("bob", "America/New_York");

        // Tuesday 03:00 UTC is Monday 22:00 in New York.
        await workspace.SyncAsync(workspace.Item(bob, ActivityKind.Call, Utc(Tuesday, 3), TimeSpan.FromMinutes(30)));
        await workspace.DrainAsync();

        var days = (await PersonDaysAsync()).ToDictionary(d => d.Date);
        Assert.Equal(TimeSpan.FromMinutes(30), days[Monday].Credited);
        Assert.Equal(TimeSpan.FromMinutes(30), days[Monday].AfterHours);
        Assert.Equal("America/New_York", days[Monday].TimeZoneId);
        Assert.Equal(TimeSpan.Zero, days[Tuesday].Credited);
        Assert.Equal(1, days[Monday].ItemsByHour[22]);
        Assert.Equal(1, days[Monday].ItemsByHour.Total);
        Assert.Equal(0, days[Tuesday].ItemsByHour.Total);
    }

    [Fact]
    public async Task ACorrectionMarksItsDayAndTheRecomputeCreditsTheCorrectedDuration()
    {
        var ann = await workspace.AddPersonAsync("ann", "Europe/London");
        await workspace.SyncAsync(workspace.Item(ann, ActivityKind.EmailSent, Utc(Monday, 10), CreditingRules.SentEmail));
        await workspace.DrainAsync();
        Assert.Equal(TimeSpan.FromMinutes(5), (await PersonDaysAsync()).Single(d => d.Date == Monday).Credited);

        await workspace.InWorkspaceAsync(async db =>
        {
            var email = await db.Activities.SingleAsync();
            var previous = email.CreditedDuration;
            email.CorrectCreditedDuration(TimeSpan.FromMinutes(30));
            db.ActivityCorrections.Add(ActivityCorrection.Record(email, ann.Id, previous, Now));
            await db.SaveChangesAsync();
        });
        Assert.Contains(new PersonDate(ann.Id, Monday), await workspace.DirtyDaysAsync());
        await workspace.DrainAsync();

        var monday = (await PersonDaysAsync()).Single(d => d.Date == Monday);
        Assert.Equal(TimeSpan.FromMinutes(30), monday.Credited);
        Assert.Equal(8, monday.Score);
        Assert.Empty(await workspace.DirtyDaysAsync());
    }

    [Fact]
    public async Task RemovesTheDaysOfABlockedPersonFromPersonAndGroupDaysAndClosesNoneForThem()
    {
        var ann = await workspace.AddPersonAsync("ann", "Europe/London", "Sales");
        var bob = await workspace.AddPersonAsync("bob", "Europe/London", "Sales");
        await workspace.SyncAsync(
            workspace.Item(ann, ActivityKind.Meeting, Utc(Monday, 9), TimeSpan.FromHours(6)),
            workspace.Item(bob, ActivityKind.Meeting, Utc(Monday, 9), TimeSpan.FromHours(3)));
        await workspace.DrainAsync();
        await workspace.InWorkspaceAsync(db => workspace.Recomputer(db).CloseDaysAsync(CancellationToken.None));

        await workspace.InWorkspaceAsync(async db =>
        {
            var blocked = await db.People.SingleAsync(p => p.Id == bob.Id);
            blocked.Review(Domain.People.ProvisioningState.Blocked, null, Utc(Tuesday, 12));
            await db.SaveChangesAsync();
            await DirtyDays.MarkEveryDayAsync(db, bob.Id, Utc(Tuesday, 12), CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        await workspace.DrainAsync();
        var closed = await workspace.InWorkspaceAsync(db => workspace.Recomputer(db).CloseDaysAsync(CancellationToken.None));

        Assert.Equal(0, closed);
        var days = await PersonDaysAsync();
        Assert.DoesNotContain(days, d => d.PersonId == bob.Id);
        Assert.Contains(days, d => d.PersonId == ann.Id && d.Date == Monday);
        var sales = await workspace.InWorkspaceAsync(db => db.GroupDays.AsNoTracking().SingleAsync(g => g.Date == Monday && g.Team == "Sales"));
        Assert.Equal(1, sales.People);
    }

    [Fact]
    public async Task BuildsTeamAndWorkspaceDaysFromThePersonDaysOfTheDate()
    {
        var ann = await workspace.AddPersonAsync("ann", "Europe/London");
        var bob = await workspace.AddPersonAsync("bob", "Europe/London", "Sales");
        var cat = await workspace.AddPersonAsync("cat", "Europe/London", "Sales");
        await workspace.SyncAsync(
            workspace.Item(ann, ActivityKind.Meeting, Utc(Monday, 9), TimeSpan.FromHours(6)),
            workspace.Item(bob, ActivityKind.Meeting, Utc(Monday, 9), TimeSpan.FromHours(3)));

        await workspace.DrainAsync();
        var closed = await workspace.InWorkspaceAsync(db => workspace.Recomputer(db).CloseDaysAsync(CancellationToken.None));

        Assert.True(closed > 0);
        var monday = (await PersonDaysAsync()).Where(d => d.Date == Monday).ToDictionary(d => d.PersonId);
        Assert.Equal((94, 47, 0), (monday[ann.Id].Score, monday[bob.Id].Score, monday[cat.Id].Score));
        Assert.Equal("No activity recorded on this work day.", monday[cat.Id].Summary);
        var groups = await workspace.InWorkspaceAsync(db => db.GroupDays.AsNoTracking().Where(g => g.Date == Monday).ToDictionaryAsync(g => g.Team));
        Assert.Equal(["", "*", "Sales"], groups.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((3, 3, 47), (groups["*"].People, groups["*"].WorkDays, groups["*"].AverageScore));
        Assert.Equal((2, 24, TimeSpan.FromHours(3)), (groups["Sales"].People, groups["Sales"].AverageScore, groups["Sales"].Credited));
        Assert.Equal((1, 94), (groups[""].People, groups[""].AverageScore));
        Assert.Equal((1, 1, 1), (groups["*"].Red, groups["*"].Yellow, groups["*"].Green));
    }

    [Fact]
    public async Task KeepsCityLevelPlacesWithCoordinatesOnly()
    {
        var ann = await workspace.AddPersonAsync("ann", "Europe/London");
        var lisbon = new ActivityLocation("Lisbon", "Lisboa", "PT", 38.7223, -9.1393);
        await workspace.SyncAsync(
            workspace.Item(ann, ActivityKind.SignIn, Utc(Monday, 9), TimeSpan.FromMinutes(1), location: lisbon),
            workspace.Item(ann, ActivityKind.SignIn, Utc(Monday, 10), TimeSpan.FromMinutes(1), location: lisbon),
            workspace.Item(ann, ActivityKind.SignIn, Utc(Monday, 11), TimeSpan.FromMinutes(1), location: new ActivityLocation("Lisbon", null, "PT", 38.7, -9.1)),
            workspace.Item(ann, ActivityKind.SignIn, Utc(Monday, 12), TimeSpan.FromMinutes(1), location: new ActivityLocation("Porto", null, "PT", null, null)),
            workspace.Item(ann, ActivityKind.SignIn, Utc(Monday, 13), TimeSpan.FromMinutes(1), location: new ActivityLocation(null, null, "PT", 39.5, -8.0)),
            workspace.Item(ann, ActivityKind.SignIn, Utc(Monday, 14), TimeSpan.FromMinutes(1)));

        await workspace.DrainAsync();

        var place = Assert.Single(await workspace.InWorkspaceAsync(db => db.PersonDayLocations.AsNoTracking().ToListAsync()));
        Assert.Equal(("Lisbon", "PT", 38.7223, -9.1393, 3, Monday), (place.City, place.CountryOrRegion, place.Latitude, place.Longitude, place.ItemCount, place.Date));
    }

    [Fact]
    public async Task KeepsAnEmptyDayOnlyOnceItIsClosed()
    {
        var ann = await workspace.AddPersonAsync("ann", "Europe/London");

        await workspace.RecomputeAsync(new PersonDate(ann.Id, Monday), new PersonDate(ann.Id, Monday.AddDays(9)));

        var day = Assert.Single(await PersonDaysAsync());
        Assert.Equal((Monday, 0, ScoreBand.Red, TimeSpan.Zero, 0), (day.Date, day.Score, day.Band, day.Credited, day.ItemCount));
    }

    [Fact]
    public async Task RemovesADaysRowsWhenItsLastItemGoes()
    {
        var ann = await workspace.AddPersonAsync("ann", "Europe/London");
        var future = Now.AddDays(3);
        await workspace.SyncAsync(workspace.Item(ann, ActivityKind.Meeting, future, TimeSpan.FromHours(1)));
        await workspace.DrainAsync();
        Assert.Single(await PersonDaysAsync());

        await workspace.InWorkspaceAsync(async db =>
        {
            db.Activities.Remove(await db.Activities.SingleAsync());
            await db.SaveChangesAsync();
        });
        await workspace.DrainAsync();

        Assert.Empty(await PersonDaysAsync());
        Assert.Empty(await workspace.InWorkspaceAsync(db => db.GroupDays.AsNoTracking().Where(g => g.Date > DateOnly.FromDateTime(Now.UtcDateTime)).ToListAsync()));
    }

    [Fact]
    public async Task LeavesAMarkMadeWhileItsDayWasBeingRecomputed()
    {
        var ann = await workspace.AddPersonAsync("ann", "Europe/London");
        await workspace.SyncAsync(workspace.Item(ann, ActivityKind.EmailSent, Utc(Monday, 10), CreditingRules.SentEmail));
        var seen = await workspace.DirtyDaysAsync();

        // The same day is marked again after the recompute read its marks: that later mark must survive it.
        workspace.Clock.Advance(TimeSpan.FromSeconds(1));
        await workspace.SyncAsync(workspace.Item(ann, ActivityKind.EmailSent, Utc(Monday, 11), CreditingRules.SentEmail));
        await workspace.InWorkspaceAsync(async db =>
        {
            db.MarkDaysDirty(ann.Id, Monday, Monday);
            await db.SaveChangesAsync();
        });
        await workspace.RecomputeAsync([.. seen]);

        Assert.Empty(await workspace.DirtyDaysAsync());
        Assert.Equal(TimeSpan.FromMinutes(10), (await PersonDaysAsync()).Single(d => d.Date == Monday).Credited);
    }

    [Fact]
    public async Task ReadingTheNextChunkAheadOnASecondContextWritesTheSameRowsAsOneContext()
    {
        var people = new List<Domain.People.Person>();
        for (var i = 0; i < 8; i++)
        {
            people.Add(await workspace.AddPersonAsync($"p{i}", i % 2 == 0 ? "Europe/London" : "Asia/Tokyo", $"Team {i % 3}", Now.AddDays(-100)));
        }

        foreach (var person in people)
        {
            await workspace.SyncAsync([.. Enumerable.Range(1, 90).Select(day => workspace.Item(person, ActivityKind.Meeting, Now.AddDays(-day).AddHours(-2), TimeSpan.FromMinutes(30 + day)))]);
        }

        Assert.True((await workspace.DirtyDaysAsync()).Count > PersonDayRecomputer.ChunkSize, "the days fit in one chunk");
        await workspace.InWorkspaceAsync(db => workspace.Recomputer(db).RebuildAsync(CancellationToken.None));
        var readAhead = workspace.ReadModelRows();

        await workspace.InWorkspaceAsync(db =>
            new PersonDayRecomputer(db, workspace.TenantContext, workspace.Calendars, workspace.Clock).RebuildAsync(CancellationToken.None));

        Assert.True(readAhead.Count(row => row.StartsWith("PersonDays:", StringComparison.Ordinal)) > 2 * PersonDayRecomputer.ChunkSize, "the rebuild fits in two chunks");
        Assert.Equal(workspace.ReadModelRows(), readAhead);
    }
}
