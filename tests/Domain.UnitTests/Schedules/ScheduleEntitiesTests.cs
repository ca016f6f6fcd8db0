using WorkSights.Domain.Audit;
using WorkSights.Domain.Common;
using WorkSights.Domain.Schedules;

namespace WorkSights.Domain.UnitTests.Schedules;

public sealed class ScheduleEntitiesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Workspace = Guid.NewGuid();

    [Fact]
    public void CustomScheduleCoversItsFirstAndLastDayGivenAVacation()
    {
        var vacation = CustomSchedule.Create(Workspace, Guid.NewGuid(), "Vacation", new DateOnly(2026, 12, 21), new DateOnly(2027, 1, 1), WeekPlan.AllOff, Now);

        Assert.True(vacation.Covers(new DateOnly(2026, 12, 21)));
        Assert.True(vacation.Covers(new DateOnly(2027, 1, 1)));
        Assert.False(vacation.Covers(new DateOnly(2027, 1, 2)));
        Assert.True(vacation.Overlaps(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 5)));
    }

    [Fact]
    public void CustomScheduleAccepts366DaysAndRefuses367()
    {
        var from = new DateOnly(2027, 1, 1);

        CustomSchedule.Create(Workspace, Guid.NewGuid(), "Part-time year", from, from.AddDays(365), WeekPlan.AllOff, Now);
        Assert.Throws<DomainRuleViolationException>(() => CustomSchedule.Create(Workspace, Guid.NewGuid(), "Too long", from, from.AddDays(366), WeekPlan.AllOff, Now));
    }

    [Fact]
    public void CustomScheduleRefusesGivenAnEndBeforeItsStart() =>
        Assert.Throws<DomainRuleViolationException>(() =>
            CustomSchedule.Create(Workspace, Guid.NewGuid(), "Backwards", new DateOnly(2027, 1, 2), new DateOnly(2027, 1, 1), WeekPlan.AllOff, Now));

    [Fact]
    public void NamedScheduleRefusesGivenEveryDayOff() =>
        Assert.Throws<DomainRuleViolationException>(() => NamedSchedule.Create(Workspace, "Never", WeekPlan.AllOff, Now));

    [Theory]
    [InlineData(9)]
    [InlineData(151)]
    public void PersonSettingsRefuseGivenATargetOutOfRange(int target) =>
        Assert.Throws<DomainRuleViolationException>(() => PersonScheduleSettings.For(Workspace, Guid.NewGuid()).Change(null, target, null, null, Now));

    [Fact]
    public void HolidayObservanceRefusesGivenADefaultRegionItDoesNotObserve() =>
        Assert.Throws<DomainRuleViolationException>(() => HolidayObservance.For(Workspace).Change(["GB"], "US", Now));

    [Fact]
    public void AuditEntryKeepsAtMostItsLongestValueGivenALongerOne()
    {
        var entry = AuditEntry.Record(Workspace, AuditActor.WorkSights, Now, "schedule.person.changed", "Ada", new string('x', 5000), "after");

        Assert.Equal(AuditEntry.MaximumValueLength, entry.Before!.Length);
        Assert.Equal("after", entry.After);
    }
}
