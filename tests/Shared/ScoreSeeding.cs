using Microsoft.EntityFrameworkCore;
using NodaTime;
using WorkSights.Application.Scores;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Scores;

namespace WorkSights.Tests.Shared;

/// <summary>
/// Weeks of person-days for every person of a workspace, computed by the real score engine and written straight to the
/// read models (quicker than seeding activities and recomputing, which <see cref="ReportingSeed"/> does for one day): a
/// meeting then a call each work day, a different number of hours per person, so the bands, averages, heatmap and
/// observers all have something to show.
/// </summary>
public static class ScoreSeeding
{
    /// <summary>Hours per person in turn: light, below target, on target, above target, overload.</summary>
    public static readonly double[] Hours = [1, 4, 6, 7.5, 9.6];

    private static readonly WorkSchedule Schedule = new(new LocalTime(9, 0), new LocalTime(17, 0),
        new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday }, 80);

    /// <summary>Seeds <paramref name="days"/> UTC days up to today for every person; returns today.</summary>
    /// <param name="summaryOf">The summary of a person's day, by e-mail; a plain sentence when null.</param>
    /// <param name="hoursOf">A person's hours each work day, by e-mail; <see cref="Hours"/> in turn when null.</param>
    public static async Task<LocalDate> SeedScoresAsync(
        this WorkSightsApp app, string externalTenantId, int days = 21, Func<string, string?>? summaryOf = null, Func<string, double?>? hoursOf = null)
    {
        var today = LocalDate.FromDateTime(DateTime.UtcNow);
        await app.InWorkspaceAsync(externalTenantId, async db =>
        {
            var people = await db.People.OrderBy(p => p.Email).ToListAsync();
            for (var i = 0; i < people.Count; i++)
            {
                var person = people[i];
                var hours = hoursOf?.Invoke(person.Email) ?? Hours[i % Hours.Length];
                for (var date = today.PlusDays(1 - days); date <= today; date = date.PlusDays(1))
                {
                    var day = ScoringDays.Resolve(DateTimeZone.Utc, date, Schedule, isHoliday: false);
                    var start = date.AtStartOfDayInZone(DateTimeZone.Utc).ToDateTimeOffset();
                    var half = TimeSpan.FromHours(hours / 2);
                    ScoringActivity[] activities = day.WorkHours is null
                        ? []
                        : [
                            new(Guid.NewGuid(), ActivityKind.Meeting, start.AddHours(9), half, isExternal: i % 2 == 0),
                            new(Guid.NewGuid(), ActivityKind.Call, start.AddHours(9) + half, half, isExternal: false),
                        ];
                    var result = ScoreEngine.Compute(day, activities, CreditingTable.Default);
                    var summary = summaryOf?.Invoke(person.Email) ?? DailySummary.Describe(result, instant => TimeOnly.FromTimeSpan(instant.UtcDateTime.TimeOfDay));
                    var itemsByHour = HourlyCounts.OfItemsAt(day.WorkHours is null ? [] : [9, 9 + (int)Math.Ceiling(hours / 2)]);
                    db.PersonDays.Add(PersonDay.From(person.TenantId, person.Id, "Etc/UTC", day, result, summary, itemsByHour));
                }
            }

            await db.SaveChangesAsync();
            var stored = await db.PersonDays.ToListAsync();
            db.GroupDays.AddRange(stored.GroupBy(d => d.Date).Select(g => GroupDay.Of(g.First().TenantId, GroupDay.Workspace, g.Key, g.ToList())));
            return true;
        });
        return today;
    }
}
