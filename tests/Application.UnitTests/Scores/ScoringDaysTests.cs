using NodaTime;
using WorkSights.Application.Scores;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.UnitTests.Scores;

/// <summary>
/// docs/scoring.md, "Local days": the four 2026 change days of Europe/London and America/New_York, resolved for a
/// person who works every day of the week 09:00–17:00 at 80 %.
/// </summary>
public sealed class ScoringDaysTests
{
    private static readonly IReadOnlySet<IsoDayOfWeek> EveryDay = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToHashSet();
    private static readonly IReadOnlySet<IsoDayOfWeek> MondayToFriday = EveryDay.Where(d => d is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)).ToHashSet();
    private static readonly WorkSchedule NineToFive = new(new LocalTime(9, 0), new LocalTime(17, 0), EveryDay, 80);

    public static TheoryData<string, LocalDate, string, string, string, string, int> ChangeDays => new()
    {
        // zone, date, day start, day end, work start, work end (UTC), day length in hours
        { "Europe/London", new LocalDate(2026, 3, 29), "2026-03-29T00:00Z", "2026-03-29T23:00Z", "2026-03-29T08:00Z", "2026-03-29T16:00Z", 23 },
        { "Europe/London", new LocalDate(2026, 10, 25), "2026-10-24T23:00Z", "2026-10-26T00:00Z", "2026-10-25T09:00Z", "2026-10-25T17:00Z", 25 },
        { "America/New_York", new LocalDate(2026, 3, 8), "2026-03-08T05:00Z", "2026-03-09T04:00Z", "2026-03-08T13:00Z", "2026-03-08T21:00Z", 23 },
        { "America/New_York", new LocalDate(2026, 11, 1), "2026-11-01T04:00Z", "2026-11-02T05:00Z", "2026-11-01T14:00Z", "2026-11-01T22:00Z", 25 },
    };

    [Theory]
    [MemberData(nameof(ChangeDays))]
    public void ResolveGivesTheLocalDaysInstantsGivenDaylightSavingChangeDay(
        string zone, LocalDate date, string dayStart, string dayEnd, string workStart, string workEnd, int hours)
    {
        var day = ScoringDays.Resolve(zone, date, NineToFive, isHoliday: false);

        Assert.Equal(date.ToDateOnly(), day.LocalDate);
        Assert.Equal(DateTimeOffset.Parse(dayStart, System.Globalization.CultureInfo.InvariantCulture), day.Bounds.Start);
        Assert.Equal(DateTimeOffset.Parse(dayEnd, System.Globalization.CultureInfo.InvariantCulture), day.Bounds.End);
        Assert.Equal(TimeSpan.FromHours(hours), day.Length);
        Assert.Equal(new TimeInterval(
            DateTimeOffset.Parse(workStart, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(workEnd, System.Globalization.CultureInfo.InvariantCulture)), day.WorkHours);
        Assert.Equal(TimeSpan.FromHours(8), day.ScheduledHours);
        Assert.Equal(new TimeSpan(6, 24, 0), day.DailyTarget);
    }

    [Fact]
    public void ResolveMovesAScheduleStartInTheSkippedHourForwardGivenSpringChange()
    {
        var schedule = NineToFive with { Start = new LocalTime(1, 30), End = new LocalTime(9, 0) };

        var day = ScoringDays.Resolve("Europe/London", new LocalDate(2026, 3, 29), schedule, isHoliday: false);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), day.WorkHours!.Start);
        Assert.Equal(new TimeSpan(6, 30, 0), day.ScheduledHours);
    }

    [Fact]
    public void ResolveCountsTheRepeatedHourGivenAutumnScheduleAcrossTheChange()
    {
        var schedule = NineToFive with { Start = new LocalTime(0, 30), End = new LocalTime(3, 0) };

        var day = ScoringDays.Resolve("Europe/London", new LocalDate(2026, 10, 25), schedule, isHoliday: false);

        Assert.Equal(new DateTimeOffset(2026, 10, 24, 23, 30, 0, TimeSpan.Zero), day.WorkHours!.Start);
        Assert.Equal(new TimeSpan(3, 30, 0), day.ScheduledHours);
    }

    [Fact]
    public void ResolveGivesNoHoursGivenScheduleWhollyInTheSkippedHour()
    {
        var schedule = NineToFive with { Start = new LocalTime(1, 30), End = new LocalTime(2, 0) };

        var day = ScoringDays.Resolve("Europe/London", new LocalDate(2026, 3, 29), schedule, isHoliday: false);

        Assert.Null(day.WorkHours);
        Assert.False(day.IsWorkDay);
    }

    [Fact]
    public void ResolveGivesANonWorkDayGivenWeekdayOutsideTheSchedule()
    {
        var day = ScoringDays.Resolve("Europe/London", new LocalDate(2026, 3, 7), NineToFive with { WorkDays = MondayToFriday }, isHoliday: false);

        Assert.Null(day.WorkHours);
        Assert.Equal(TimeSpan.Zero, day.ScheduledHours);
        Assert.False(day.IsWorkDay);
    }

    [Fact]
    public void ResolveKeepsTheScheduleButNoTargetGivenObservedHoliday()
    {
        var day = ScoringDays.Resolve("Europe/London", new LocalDate(2026, 12, 25), NineToFive with { WorkDays = MondayToFriday }, isHoliday: true);

        Assert.NotNull(day.WorkHours);
        Assert.True(day.IsHoliday);
        Assert.False(day.IsWorkDay);
        Assert.Equal(TimeSpan.Zero, day.DailyTarget);
    }

    [Fact]
    public void ResolvedDayScoresTheDocumentedSpringExample()
    {
        var day = ScoringDays.Resolve("Europe/London", new LocalDate(2026, 3, 29), NineToFive, isHoliday: false);
        var call = new ScoringActivity(Guid.Empty, Domain.Activities.ActivityKind.Call, new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(8), isExternal: false);

        var result = ScoreEngine.Compute(day, [call], CreditingTable.Default);

        Assert.Equal(125, result.Score);
        Assert.Equal(ScoreBand.Blue, result.Band);
        Assert.Equal(TimeSpan.Zero, result.AfterHours);
    }

    [Fact]
    public void ResolveThrowsGivenUnknownTimeZone()
    {
        Assert.Throws<ArgumentException>(() => ScoringDays.Resolve("Mars/Olympus_Mons", new LocalDate(2026, 3, 2), NineToFive, isHoliday: false));
    }

    [Fact]
    public void ResolveThrowsGivenScheduleEndingBeforeItStarts()
    {
        var schedule = NineToFive with { Start = new LocalTime(17, 0), End = new LocalTime(9, 0) };

        Assert.Throws<ArgumentException>(() => ScoringDays.Resolve("Europe/London", new LocalDate(2026, 3, 2), schedule, isHoliday: false));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(301)]
    public void ResolveThrowsGivenTargetOutOfRange(int percent)
    {
        Assert.Throws<ArgumentException>(() => ScoringDays.Resolve("Europe/London", new LocalDate(2026, 3, 2), NineToFive with { TargetPercent = percent }, isHoliday: false));
    }
}
