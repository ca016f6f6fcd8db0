using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Scores;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using static WorkSights.Infrastructure.IntegrationTests.Scores.ScoreReadModelWorkspace;
using WorkSchedule = WorkSights.Application.Scores.WorkSchedule;

namespace WorkSights.Infrastructure.IntegrationTests.Scores;

/// <summary>
/// The read models kept current step by step — syncs of new and moved items, corrections, schedule edits and time-zone
/// changes in a random order, with recomputes and the passing of time in between — equal a full rebuild, row by row,
/// in all three tables.
/// </summary>
public sealed class IncrementalEqualsRebuildTests
{
    private static readonly string[] Zones = ["Europe/London", "America/New_York", "Asia/Tokyo", "Asia/Kolkata", "Pacific/Auckland", "America/Los_Angeles"];

    private static readonly ActivityKind[] Kinds =
        [ActivityKind.EmailSent, ActivityKind.Meeting, ActivityKind.Meeting, ActivityKind.Call, ActivityKind.ChatMessage, ActivityKind.FileAction, ActivityKind.SignIn, ActivityKind.CalendarBlock, ActivityKind.CalendarResponse, ActivityKind.MailboxAccess];

    private static readonly ActivityLocation[] Places =
    [
        new("Lisbon", "Lisboa", "PT", 38.7223, -9.1393),
        new("Lisbon", "Lisboa", "PT", 38.7, -9.1),
        new("Boston", "MA", "US", 42.36, -71.06),
        new("Tokyo", null, "JP", null, null),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task IncrementalReadModelsEqualAFullRebuild(int seed)
    {
        var random = new Random(seed);
        using var workspace = new ScoreReadModelWorkspace();
        var people = new List<Person>();
        for (var i = 0; i < 4; i++)
        {
            people.Add(await workspace.AddPersonAsync($"p{i}", Zones[random.Next(Zones.Length)], i % 3 == 0 ? null : $"Team {i % 2}", Now.AddDays(-random.Next(0, 12))));
        }

        var stored = new List<ActivityRecord>();
        for (var step = 0; step < 40; step++)
        {
            var person = people[random.Next(people.Count)];
            switch (random.Next(10))
            {
                case < 4:
                    var page = Enumerable.Range(0, random.Next(1, 16)).Select(_ => NewItem(workspace, random, person)).ToList();
                    // Calendar entries move at their source (rescheduled); other items keep their time.
                    page.AddRange(stored.Where(r => r.PersonId == person.Id && r.Kind is ActivityKind.Meeting or ActivityKind.CalendarBlock or ActivityKind.CalendarResponse && random.Next(3) == 0)
                        .Select(r => r with { OccurredAt = r.OccurredAt.AddMinutes(random.Next(-2000, 2000)) }));
                    var distinct = page.GroupBy(r => (r.Source, r.ExternalId)).Select(g => g.Last()).ToArray();
                    await workspace.SyncAsync(distinct);
                    stored.RemoveAll(r => distinct.Any(d => d.Source == r.Source && d.ExternalId == r.ExternalId));
                    stored.AddRange(distinct);
                    break;
                case 4:
                    await CorrectAsync(workspace, random, person);
                    break;
                case 5:
                    var (zone, _) = workspace.Calendars.Of(person.Id);
                    workspace.Calendars.Set(person.Id, zone, RandomSchedule(random));
                    await workspace.InWorkspaceAsync(async db =>
                    {
                        await DirtyDays.MarkEveryDayAsync(db, person.Id, workspace.Clock.GetUtcNow(), CancellationToken.None);
                        await db.SaveChangesAsync();
                    });
                    break;
                case 6:
                    var (_, schedule) = workspace.Calendars.Of(person.Id);
                    workspace.Calendars.Set(person.Id, DateTimeZoneProviders.Tzdb[Zones[random.Next(Zones.Length)]], schedule);
                    await workspace.InWorkspaceAsync(async db =>
                    {
                        await DirtyDays.MarkEveryDayAsync(db, person.Id, workspace.Clock.GetUtcNow(), CancellationToken.None);
                        await db.SaveChangesAsync();
                    });
                    break;
                case 7:
                    workspace.Clock.Advance(TimeSpan.FromHours(random.Next(1, 30)));
                    break;
                case 8:
                    await workspace.InWorkspaceAsync(db => workspace.Recomputer(db).CloseDaysAsync(CancellationToken.None));
                    break;
                default:
                    await workspace.DrainAsync();
                    break;
            }
        }

        await workspace.DrainAsync();
        await workspace.InWorkspaceAsync(db => workspace.Recomputer(db).CloseDaysAsync(CancellationToken.None));
        Assert.Empty(await workspace.DirtyDaysAsync());
        var incremental = workspace.ReadModelRows();

        await workspace.InWorkspaceAsync(db => workspace.Recomputer(db).RebuildAsync(CancellationToken.None));
        var rebuilt = workspace.ReadModelRows();

        Assert.True(incremental.Count > 50, $"only {incremental.Count} rows");
        Assert.Equal(rebuilt, incremental);
    }

    private static ActivityRecord NewItem(ScoreReadModelWorkspace workspace, Random random, Person person)
    {
        var kind = Kinds[random.Next(Kinds.Length)];
        var at = workspace.Clock.GetUtcNow().AddMinutes(random.Next(-25 * 24 * 60, 2 * 24 * 60));
        var duration = kind switch
        {
            ActivityKind.Meeting or ActivityKind.CalendarBlock => TimeSpan.FromMinutes(random.Next(10) == 0 ? 660 : random.Next(15, 240)),
            ActivityKind.Call => TimeSpan.FromMinutes(random.Next(1, 120)),
            _ => CreditingRules.SentEmail,
        };
        var location = kind == ActivityKind.SignIn && random.Next(4) > 0 ? Places[random.Next(Places.Length)] : null;
        return workspace.Item(person, kind, at, duration, isExternal: random.Next(3) == 0, location: location);
    }

    private static async Task CorrectAsync(ScoreReadModelWorkspace workspace, Random random, Person person) =>
        await workspace.InWorkspaceAsync(async db =>
        {
            var items = await db.Activities.Where(a => a.PersonId == person.Id && a.IsScored).OrderBy(a => a.Id).ToListAsync();
            if (items.Count == 0)
            {
                return;
            }

            var item = items[random.Next(items.Count)];
            var previous = item.CreditedDuration;
            item.CorrectCreditedDuration(TimeSpan.FromMinutes(random.Next(0, 300)));
            db.ActivityCorrections.Add(ActivityCorrection.Record(item, person.Id, previous, workspace.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        });

    private static WorkSchedule RandomSchedule(Random random)
    {
        var start = random.Next(5, 11);
        var days = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None && random.Next(4) > 0).ToHashSet();
        return new WorkSchedule(new LocalTime(start, random.Next(2) * 30), new LocalTime(start + random.Next(4, 10), 0), days, random.Next(50, 121));
    }
}
