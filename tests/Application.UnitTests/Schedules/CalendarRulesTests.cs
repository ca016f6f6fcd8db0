using NodaTime;
using WorkSights.Application.Schedules;
using WorkSights.Application.Scores;
using WorkSights.Domain.Schedules;
using StandardSchedules = WorkSights.Domain.Tenants.WorkSchedule;

namespace WorkSights.Application.UnitTests.Schedules;

public sealed class CalendarRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Workspace = Guid.NewGuid();
    private static readonly Guid Ada = Guid.NewGuid();
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly LocalDate Tuesday = new(2026, 12, 8);
    private static readonly LocalDate ChristmasFriday = new(2026, 12, 25);

    private static WorkspaceCalendarDefaults Workspace9To5(params string[] observed) =>
        new(London, WeekPlan.From(StandardSchedules.StandardWeek), 80, observed.ToHashSet(), observed.FirstOrDefault());

    [Fact]
    public void WorkspaceDefaultAppliesGivenNothingOfTheirOwn()
    {
        var calendar = CalendarRules.Resolve(Workspace9To5(), null, null, [], null);

        var day = calendar.DayOf(Tuesday);

        Assert.Equal(London, calendar.Zone);
        Assert.Equal(TimeSpan.FromHours(8), day.ScheduledHours);
        Assert.Equal(80, day.TargetPercent);
        Assert.False(calendar.DayOf(Tuesday.PlusDays(4)).IsWorkDay);
    }

    [Fact]
    public void ChristmasIsAHolidayOnlyGivenTheWorkspaceObservesThePersonsRegion()
    {
        Assert.True(CalendarRules.Resolve(Workspace9To5("GB"), null, null, [], null).DayOf(ChristmasFriday).IsHoliday);
        Assert.False(CalendarRules.Resolve(Workspace9To5(), null, null, [], null).DayOf(ChristmasFriday).IsHoliday);

        var inAnUnobservedRegion = Settings(region: "DE");
        Assert.False(CalendarRules.Resolve(Workspace9To5("GB"), inAnUnobservedRegion, null, [], null).DayOf(ChristmasFriday).IsHoliday);
    }

    [Fact]
    public void VacationMakesEveryDayOffGivenItCoversTheDate()
    {
        var vacation = CustomSchedule.Create(Workspace, Ada, "Vacation", Tuesday.ToDateOnly(), Tuesday.PlusDays(2).ToDateOnly(), WeekPlan.AllOff, Now);

        var calendar = CalendarRules.Resolve(Workspace9To5(), null, null, [vacation], null);

        Assert.False(calendar.DayOf(Tuesday).IsWorkDay);
        Assert.True(calendar.DayOf(Tuesday.PlusDays(3)).IsWorkDay);
    }

    [Fact]
    public void CustomScheduleWinsOverNamedScheduleWhichWinsOverOutlookAndWorkspace()
    {
        var early = NamedSchedule.Create(Workspace, "Early", Week(DayPlan.Working(new TimeOnly(7, 0), new TimeOnly(15, 0))), Now);
        var halfDays = CustomSchedule.Create(
            Workspace, Ada, "Half days", Tuesday.ToDateOnly(), Tuesday.ToDateOnly(), Week(DayPlan.Working(new TimeOnly(9, 0), new TimeOnly(13, 0))), Now);
        var outlook = new ImportedWorkSettings(London, new ImportedWorkingHours(London, WeekDays(), new LocalTime(10, 0), new LocalTime(18, 0)));

        var withAll = CalendarRules.Resolve(Workspace9To5(), Settings(), early, [halfDays], outlook);
        var withoutCustom = CalendarRules.Resolve(Workspace9To5(), Settings(), early, [], outlook);
        var outlookOnly = CalendarRules.Resolve(Workspace9To5(), null, null, [], outlook);

        Assert.Equal(TimeSpan.FromHours(4), withAll.DayOf(Tuesday).ScheduledHours);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 7, 0, 0, TimeSpan.Zero), withoutCustom.DayOf(Tuesday).WorkHours!.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero), outlookOnly.DayOf(Tuesday).WorkHours!.Start);
    }

    [Fact]
    public void RegularDayOfACustomScheduleKeepsThePersonsNamedScheduleHours()
    {
        var early = NamedSchedule.Create(Workspace, "Early", Week(DayPlan.Working(new TimeOnly(7, 0), new TimeOnly(15, 0))), Now);
        var regular = CustomSchedule.Create(Workspace, Ada, "Same as ever", Tuesday.ToDateOnly(), Tuesday.ToDateOnly(), Week(DayPlan.Regular), Now);

        var calendar = CalendarRules.Resolve(Workspace9To5(), Settings(), early, [regular], null);

        Assert.Equal(new DateTimeOffset(2026, 12, 8, 7, 0, 0, TimeSpan.Zero), calendar.DayOf(Tuesday).WorkHours!.Start);
    }

    [Fact]
    public void OwnZoneAndTargetWinOverOutlookAndWorkspaceGivenTheyAreSet()
    {
        var tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
        var outlook = new ImportedWorkSettings(tokyo, null);

        var fromOutlook = CalendarRules.Resolve(Workspace9To5(), null, null, [], outlook);
        var own = CalendarRules.Resolve(Workspace9To5(), Settings(zone: "America/New_York", target: 100), null, [], outlook);

        Assert.Equal(tokyo, fromOutlook.Zone);
        Assert.Equal("America/New_York", own.Zone.Id);
        Assert.Equal(100, own.DayOf(Tuesday).TargetPercent);
    }

    [Fact]
    public void OutlookHoursSetInAnotherZoneAreMovedIntoThePersonsZone()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var outlook = new ImportedWorkSettings(London, new ImportedWorkingHours(newYork, WeekDays(), new LocalTime(9, 0), new LocalTime(17, 0)));

        var day = CalendarRules.Resolve(Workspace9To5(), null, null, [], outlook).DayOf(Tuesday);

        Assert.Equal(new DateTimeOffset(2026, 12, 8, 14, 0, 0, TimeSpan.Zero), day.WorkHours!.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 22, 0, 0, TimeSpan.Zero), day.WorkHours!.End);
    }

    private static PersonScheduleSettings Settings(string? region = null, string? zone = null, int? target = null)
    {
        var settings = PersonScheduleSettings.For(Workspace, Ada);
        settings.Change(null, target, region, zone, Now);
        return settings;
    }

    private static WeekPlan Week(DayPlan weekday) => new([weekday, weekday, weekday, weekday, weekday, DayPlan.Off, DayPlan.Off]);

    private static HashSet<IsoDayOfWeek> WeekDays() =>
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];
}
