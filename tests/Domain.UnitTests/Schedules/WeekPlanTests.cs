using WorkSights.Domain.Common;
using WorkSights.Domain.Schedules;
using WorkSights.Domain.Tenants;

namespace WorkSights.Domain.UnitTests.Schedules;

public sealed class WeekPlanTests
{
    [Fact]
    public void StoredFormReadsBackToTheSameWeekGivenEveryKindOfDay()
    {
        var week = new WeekPlan([
            DayPlan.Working(new TimeOnly(8, 0), new TimeOnly(16, 30)), DayPlan.Regular, DayPlan.Off,
            DayPlan.Regular, DayPlan.Working(new TimeOnly(9, 0), new TimeOnly(13, 0)), DayPlan.Off, DayPlan.Off]);

        var stored = week.ToString();

        Assert.Equal("08:00-16:30,regular,off,regular,09:00-13:00,off,off", stored);
        Assert.Equal(week, WeekPlan.Parse(stored));
    }

    [Fact]
    public void WorkspaceScheduleBecomesHoursOnWorkDaysAndOffOtherwise()
    {
        var week = WeekPlan.From(WorkSchedule.StandardWeek);

        Assert.Equal(DayPlan.Working(new TimeOnly(9, 0), new TimeOnly(17, 0)), week.On(DayOfWeek.Monday));
        Assert.Equal(DayPlan.Off, week.On(DayOfWeek.Sunday));
    }

    [Theory]
    [InlineData("17:00-09:00")]
    [InlineData("9-17")]
    [InlineData("sometimes")]
    public void ParsingRefusesGivenNoDayOfASchedule(string text) =>
        Assert.Throws<DomainRuleViolationException>(() => DayPlan.Parse(text));

    [Fact]
    public void WeekRefusesGivenOtherThanSevenDays() =>
        Assert.Throws<DomainRuleViolationException>(() => new WeekPlan([DayPlan.Off]));
}
