using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Scores;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Tests.Shared;

/// <summary>
/// Activity rows for reporting tests, and their day computed by the app's own recompute (its calendars, engine, summary
/// and read models).
/// </summary>
public static class ReportingSeed
{
    /// <summary>The latest Monday-to-Friday date before today (UTC), so that a seeded day is a whole work day in the past.</summary>
    public static DateOnly LastWorkDay()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>
    /// A work day for the person: a 4-hour meeting at 09:00 with two others, a sent email at 14:00 and a one-hour calendar
    /// block at 15:00 (in the workspace's zone, UTC by default), then the day computed: 4 h 05 m credited, score 64.
    /// </summary>
    public static Task<Guid> SeedTypicalDayAsync(this WorkSightsApp app, string externalTenantId, string email, DateOnly date) =>
        app.SeedDayAsync(externalTenantId, email, date, start =>
        [
            (ActivityKind.Meeting, start.AddHours(9), TimeSpan.FromHours(4), "Quarterly planning", 2),
            (ActivityKind.EmailSent, start.AddHours(14), CreditingRules.SentEmail, "Re: proposal", 3),
            (ActivityKind.CalendarBlock, start.AddHours(15), TimeSpan.FromHours(1), "Focus time", 0),
        ]);

    /// <param name="items">Items given the instant the local day starts.</param>
    public static async Task<Guid> SeedDayAsync(
        this WorkSightsApp app,
        string externalTenantId,
        string email,
        DateOnly date,
        Func<DateTimeOffset, IEnumerable<(ActivityKind Kind, DateTimeOffset At, TimeSpan Duration, string? Title, int Counterparts)>> items)
    {
        var workspace = await app.WorkspaceAsync(externalTenantId);
        await using var scope = app.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(workspace.Id);
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var person = await db.People.SingleAsync(p => p.Email == email.ToLowerInvariant());
        var calendar = (await scope.ServiceProvider.GetRequiredService<IWorkCalendars>().ForPeopleAsync([person.Id], CancellationToken.None))[person.Id];
        var dayStart = calendar.DayOf(LocalDate.FromDateOnly(date)).Bounds.Start;
        var n = 0;
        foreach (var (kind, at, duration, title, counterparts) in items(dayStart))
        {
            var source = kind switch
            {
                ActivityKind.EmailSent => ActivitySource.Outlook,
                ActivityKind.Call or ActivityKind.ChatMessage => ActivitySource.Teams,
                ActivityKind.FileAction => ActivitySource.SharePoint,
                ActivityKind.SignIn => ActivitySource.EntraId,
                _ => ActivitySource.OutlookCalendar,
            };
            db.Activities.Add(Activity.Record(
                new ActivityRecord(workspace.Id, person.Id, kind, source, at, duration, title, counterparts, false, $"seed-{date:yyyyMMdd}-{n++}") { Location = new ActivityLocation("Chicago", null, "United States", 41.88, -87.63) },
                at));
        }

        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<IPersonDayRecomputer>().RecomputeAsync([new PersonDate(person.Id, date)], CancellationToken.None);
        return person.Id;
    }
}
