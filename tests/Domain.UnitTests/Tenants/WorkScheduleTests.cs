using WorkSights.Domain.Common;
using WorkSights.Domain.Tenants;

namespace WorkSights.Domain.UnitTests.Tenants;

public sealed class WorkScheduleTests
{
    [Fact]
    public void StandardWeekIsMondayToFridayNineToFive()
    {
        var week = WorkSchedule.StandardWeek;

        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], week.WorkDays);
        Assert.Equal(TimeSpan.FromHours(8), week.DailyHours);
        Assert.True(week.IsWorkDay(DayOfWeek.Wednesday));
        Assert.False(week.IsWorkDay(DayOfWeek.Saturday));
        Assert.False(week.IsWorkDay(DayOfWeek.Sunday));
    }

    [Fact]
    public void ConstructorSortsAndDeduplicatesWorkDays()
    {
        var schedule = new WorkSchedule([DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Friday], new TimeOnly(9, 0), new TimeOnly(12, 0));

        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], schedule.WorkDays);
        Assert.Equal(TimeSpan.FromHours(3), schedule.DailyHours);
    }

    [Fact]
    public void ConstructorThrowsGivenNoWorkDays()
    {
        Assert.Throws<DomainRuleViolationException>(() => new WorkSchedule([], new TimeOnly(9, 0), new TimeOnly(17, 0)));
    }

    [Theory]
    [InlineData(17, 9)]
    [InlineData(9, 9)]
    public void ConstructorThrowsGivenEndNotAfterStart(int startHour, int endHour)
    {
        Assert.Throws<DomainRuleViolationException>(() =>
            new WorkSchedule([DayOfWeek.Monday], new TimeOnly(startHour, 0), new TimeOnly(endHour, 0)));
    }
}
