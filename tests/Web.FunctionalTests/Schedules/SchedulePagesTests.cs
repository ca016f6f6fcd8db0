using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Scores;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Schedules;

/// <summary>The schedule pages: a person's schedule tab (own and an admin's view) and the workspace's schedules and holidays.</summary>
public sealed class SchedulePagesTests : FunctionalTest
{
    private static readonly string Tenant = SandboxTenants.Fabrikam.TenantId;

    [Fact]
    public async Task VacationAddedOnPersonalSettingsMakesTheDayANonWorkDayAndIsAudited()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        var date = ReportingSeed.LastWorkDay();
        var personId = await App.SeedTypicalDayAsync(Tenant, SandboxTenants.Fabrikam.AdminEmail, date);
        Assert.True((await DayAsync(personId, date)).IsWorkDay);

        var personal = owner.At("/Settings/Personal");
        var html = await (await owner.Browser.GetAsync(personal)).Content.ReadAsStringAsync();
        Assert.Contains("This week", html, StringComparison.Ordinal);
        var (added, _) = await owner.Browser.SubmitFormAsync(html, personal, "custom-schedule-form", CustomSchedule("Vacation", date, date));

        Assert.Contains("\u201cVacation\u201d added.", WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await RecomputeAsync(personId, date);
        var day = await DayAsync(personId, date);
        Assert.False(day.IsWorkDay);
        Assert.Equal(TimeSpan.Zero, day.DailyTarget);
        var audit = await App.InWorkspaceAsync(Tenant, db => db.AuditEntries.SingleAsync(e => e.Action.StartsWith("schedule.")));
        Assert.Equal(("schedule.custom.added", personId), (audit.Action, audit.ByPersonId!.Value));
    }

    [Fact]
    public async Task OverlappingOrBackwardsDatesAreExplainedAndNothingIsAdded()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        var personal = owner.At("/Settings/Personal");
        var html = await (await owner.Browser.GetAsync(personal)).Content.ReadAsStringAsync();
        var monday = new DateOnly(2027, 3, 1);

        var (backwards, _) = await owner.Browser.SubmitFormAsync(html, personal, "custom-schedule-form", CustomSchedule("Course", monday.AddDays(2), monday));
        var (notADate, _) = await owner.Browser.SubmitFormAsync(html, personal, "custom-schedule-form", CustomSchedule("Course", "someday", "2027-03-01"));
        await owner.Browser.SubmitFormAsync(html, personal, "custom-schedule-form", CustomSchedule("Vacation", monday, monday.AddDays(4)));
        var (overlapping, _) = await owner.Browser.SubmitFormAsync(html, personal, "custom-schedule-form", CustomSchedule("Course", monday.AddDays(4), monday.AddDays(5)));

        Assert.Contains("The last day must be on or after the first day.", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Enter a valid value.", await notADate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("overlap \"Vacation\"", WebUtility.HtmlDecode(await overlapping.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await App.InWorkspaceAsync(Tenant, db => db.CustomSchedules.CountAsync()));
    }

    [Fact]
    public async Task OwnerAddsANamedScheduleAndPutsAPersonOnItFromTheirPage()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        var schedules = owner.At("/Settings/Schedules");
        var html = await (await owner.Browser.GetAsync(schedules)).Content.ReadAsStringAsync();

        var week = Week("Hours", "07:00", "15:00");
        var (badHours, _) = await owner.Browser.SubmitFormAsync(html, schedules, "new-schedule-form", With(Week("Hours", "15:00", "07:00"), ("Named.Name", "Early shift")));
        Assert.Contains("Working hours must end after they start", await badHours.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (added, _) = await owner.Browser.SubmitFormAsync(html, schedules, "new-schedule-form", With(week, ("Named.Name", "Early shift")));
        var addedHtml = WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync());
        Assert.Contains("Schedule \u201cEarly shift\u201d added.", addedHtml, StringComparison.Ordinal);
        Assert.Contains("Mon–Sun 07:00–15:00", addedHtml, StringComparison.Ordinal);

        var (person, scheduleId) = await App.InWorkspaceAsync(Tenant, async db =>
            (await db.People.FirstAsync(p => p.Email != SandboxTenants.Fabrikam.AdminEmail), (await db.NamedSchedules.SingleAsync()).Id));
        var tab = owner.At($"/Settings/Users/{person.Id}/Schedule");
        var tabHtml = await (await owner.Browser.GetAsync(tab)).Content.ReadAsStringAsync();
        var (saved, _) = await owner.Browser.SubmitFormAsync(tabHtml, tab, "schedule-settings-form", new Dictionary<string, string>
        {
            ["Settings.NamedScheduleId"] = scheduleId.ToString(),
            ["Settings.TargetPercent"] = "90",
            ["Settings.HolidayRegion"] = "",
            ["Settings.TimeZoneId"] = "Europe/Berlin",
        });

        var savedHtml = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync());
        Assert.Contains("Schedule saved.", savedHtml, StringComparison.Ordinal);
        Assert.Contains("Hours: schedule \u201cEarly shift\u201d. Time zone: Europe/Berlin (set in WorkSights).", savedHtml, StringComparison.Ordinal);
        Assert.True(await App.InWorkspaceAsync(Tenant, db => db.DirtyPersonDays.AnyAsync(d => d.PersonId == person.Id)));
    }

    [Theory]
    [InlineData(PersonRole.TechnicalAdmin)]
    [InlineData(PersonRole.Member)]
    public async Task OnlyTheOwnerOpensWorkspaceSchedulesAndOnlyAdminsOpenAnothersTab(PersonRole role)
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        var other = await App.InWorkspaceAsync(Tenant, db => db.People.FirstAsync(p => p.Email != SandboxTenants.Fabrikam.AdminEmail));
        var someone = await App.InWorkspaceAsync(Tenant, db => db.People.OrderBy(p => p.Email).LastAsync(p => p.Email != SandboxTenants.Fabrikam.AdminEmail && p.Id != other.Id));
        var viewer = await SignInWithRoleAsync(Tenant, someone.Email, role);

        var workspace = await viewer.Browser.GetAsync(viewer.At("/Settings/Schedules"));
        var othersTab = await viewer.Browser.GetAsync(viewer.At($"/Settings/Users/{other.Id}/Schedule"));
        var ownTab = await viewer.Browser.GetAsync(viewer.At("/Settings/Personal"));

        Assert.True(IsForbidden(workspace), $"Schedules and holidays answered {(int)workspace.StatusCode} to a {role}");
        Assert.Equal(role != PersonRole.TechnicalAdmin, IsForbidden(othersTab));
        Assert.Equal(role == PersonRole.TechnicalAdmin ? HttpStatusCode.OK : HttpStatusCode.Redirect, othersTab.StatusCode);

        Assert.Contains("Vacations and temporary changes", await ownTab.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static bool IsForbidden(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Error/403", StringComparison.Ordinal);

    /// <summary>The custom-schedule form as a person fills it: every day off.</summary>
    private static Dictionary<string, string> CustomSchedule(string label, DateOnly from, DateOnly to) =>
        CustomSchedule(label, from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static Dictionary<string, string> CustomSchedule(string label, string from, string to) =>
        With(Week("Off", "", "", "Custom.Week"), ("Custom.Label", label), ("Custom.From", from), ("Custom.To", to));

    private static Dictionary<string, string> Week(string kind, string start, string end, string prefix = "Named.Week")
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < 7; i++)
        {
            values[$"{prefix}.Days[{i}].Kind"] = kind;
            values[$"{prefix}.Days[{i}].Start"] = start;
            values[$"{prefix}.Days[{i}].End"] = end;
        }

        return values;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> values, params (string Name, string Value)[] more)
    {
        foreach (var (name, value) in more)
        {
            values[name] = value;
        }

        return values;
    }

    private async Task RecomputeAsync(Guid personId, DateOnly date)
    {
        var workspace = await App.WorkspaceAsync(Tenant);
        await using var scope = App.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(workspace.Id);
        await scope.ServiceProvider.GetRequiredService<IPersonDayRecomputer>().RecomputeAsync([new PersonDate(personId, date)], CancellationToken.None);
    }

    private Task<Domain.Scores.PersonDay> DayAsync(Guid personId, DateOnly date) =>
        App.InWorkspaceAsync(Tenant, (ApplicationDbContext db) => db.PersonDays.AsNoTracking().SingleAsync(d => d.PersonId == personId && d.Date == date));
}
