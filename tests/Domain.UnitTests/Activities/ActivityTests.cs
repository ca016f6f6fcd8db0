using WorkSights.Domain.Activities;
using WorkSights.Domain.Common;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.Activities;

public sealed class ActivityTests
{
    private static readonly DateTimeOffset Synced = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly ActivityRecord Meeting = new(
        Guid.NewGuid(),
        Guid.NewGuid(),
        ActivityKind.Meeting,
        ActivitySource.OutlookCalendar,
        Now,
        TimeSpan.FromMinutes(45),
        "Weekly sync",
        4,
        IsExternal: false,
        "evt-1");

    [Fact]
    public void RecordKeepsFactsAndScoresOrdinaryMeeting()
    {
        var activity = Activity.Record(Meeting, Synced);

        Assert.Equal(Meeting.TenantId, activity.TenantId);
        Assert.Equal(Meeting.PersonId, activity.PersonId);
        Assert.Equal(ActivityKind.Meeting, activity.Kind);
        Assert.Equal(ActivitySource.OutlookCalendar, activity.Source);
        Assert.Equal(ActivityCategory.Meeting, activity.Category);
        Assert.Equal(TimeSpan.FromMinutes(45), activity.CreditedDuration);
        Assert.True(activity.IsScored);
        Assert.Equal("Weekly sync", activity.Title);
        Assert.Equal(4, activity.CounterpartCount);
        Assert.Equal("evt-1", activity.ExternalId);
        Assert.NotEqual(Guid.Empty, activity.Id);
    }

    [Fact]
    public void RecordThrowsGivenEmptyTenant()
    {
        Assert.Throws<DomainRuleViolationException>(() => Activity.Record(Meeting with { TenantId = Guid.Empty }, Synced));
    }

    [Fact]
    public void RecordThrowsGivenEmptyPerson()
    {
        Assert.Throws<DomainRuleViolationException>(() => Activity.Record(Meeting with { PersonId = Guid.Empty }, Synced));
    }

    [Fact]
    public void RecordThrowsGivenUnknownKind()
    {
        Assert.Throws<DomainRuleViolationException>(() => Activity.Record(Meeting with { Kind = (ActivityKind)99 }, Synced));
    }

    [Fact]
    public void RecordThrowsGivenUnknownSource()
    {
        Assert.Throws<DomainRuleViolationException>(() => Activity.Record(Meeting with { Source = (ActivitySource)0 }, Synced));
    }

    [Fact]
    public void RecordThrowsGivenNegativeDuration()
    {
        Assert.Throws<DomainRuleViolationException>(() => Activity.Record(Meeting with { Duration = TimeSpan.FromSeconds(-1) }, Synced));
    }

    [Fact]
    public void RecordThrowsGivenNegativeCounterpartCount()
    {
        Assert.Throws<DomainRuleViolationException>(() => Activity.Record(Meeting with { CounterpartCount = -1 }, Synced));
    }

    [Fact]
    public void RecordThrowsGivenNonUtcTime()
    {
        Assert.Throws<DomainRuleViolationException>(() => Activity.Record(Meeting with { OccurredAt = NotUtc }, Synced));
    }

    [Fact]
    public void RecordThrowsGivenMissingExternalId()
    {
        Assert.Throws<DomainRuleViolationException>(() => Activity.Record(Meeting with { ExternalId = " " }, Synced));
    }

    [Fact]
    public void RecordAcceptsZeroDuration()
    {
        var activity = Activity.Record(Meeting with { Duration = TimeSpan.Zero }, Synced);

        Assert.Equal(TimeSpan.Zero, activity.CreditedDuration);
        Assert.True(activity.IsScored);
    }

    [Fact]
    public void RecordScoresAndCreditsExactlyTenHours()
    {
        var activity = Activity.Record(Meeting with { Duration = TimeSpan.FromHours(10) }, Synced);

        Assert.Equal(TimeSpan.FromHours(10), activity.CreditedDuration);
        Assert.True(activity.IsScored);
    }

    [Fact]
    public void RecordCreditsZeroAndDoesNotScoreGivenOverTenHours()
    {
        var activity = Activity.Record(Meeting with { Duration = TimeSpan.FromHours(10).Add(TimeSpan.FromMinutes(1)) }, Synced);

        Assert.Equal(TimeSpan.Zero, activity.CreditedDuration);
        Assert.False(activity.IsScored);
    }

    [Fact]
    public void RecordDoesNotScoreCalendarBlock()
    {
        var activity = Activity.Record(Meeting with { Kind = ActivityKind.CalendarBlock, Duration = TimeSpan.FromHours(2) }, Synced);

        Assert.False(activity.IsScored);
        Assert.Equal(TimeSpan.FromHours(2), activity.CreditedDuration);
        Assert.Equal(ActivityCategory.CalendarBlock, activity.Category);
    }

    [Fact]
    public void RecordStoresBlankTitleAsNull()
    {
        Assert.Null(Activity.Record(Meeting with { Title = "  " }, Synced).Title);
    }

    [Theory]
    [InlineData(ActivityKind.EmailSent, ActivityCategory.Email)]
    [InlineData(ActivityKind.Meeting, ActivityCategory.Meeting)]
    [InlineData(ActivityKind.CalendarResponse, ActivityCategory.Meeting)]
    [InlineData(ActivityKind.CalendarBlock, ActivityCategory.CalendarBlock)]
    [InlineData(ActivityKind.Call, ActivityCategory.Call)]
    [InlineData(ActivityKind.ChatMessage, ActivityCategory.Chat)]
    [InlineData(ActivityKind.FileAction, ActivityCategory.File)]
    [InlineData(ActivityKind.SignIn, ActivityCategory.Login)]
    public void CategoryOfMapsEachKind(ActivityKind kind, ActivityCategory expected)
    {
        Assert.Equal(expected, Activity.CategoryOf(kind));
    }

    [Fact]
    public void CategoryOfCoversEveryDefinedKind()
    {
        foreach (var kind in Enum.GetValues<ActivityKind>())
        {
            Assert.True(Enum.IsDefined(Activity.CategoryOf(kind)), $"{kind} has no known category");
        }
    }

    [Fact]
    public void CategoryOfThrowsGivenUnknownKind()
    {
        Assert.Throws<DomainRuleViolationException>(() => Activity.CategoryOf((ActivityKind)77));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(90)]
    [InlineData(600)]
    public void CorrectCreditedDurationAcceptsValuesWithinBounds(int minutes)
    {
        var activity = Activity.Record(Meeting, Synced);

        activity.CorrectCreditedDuration(TimeSpan.FromMinutes(minutes));

        Assert.Equal(TimeSpan.FromMinutes(minutes), activity.CreditedDuration);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(601)]
    public void CorrectCreditedDurationThrowsGivenValueOutOfBounds(int minutes)
    {
        var activity = Activity.Record(Meeting, Synced);

        Assert.Throws<DomainRuleViolationException>(() => activity.CorrectCreditedDuration(TimeSpan.FromMinutes(minutes)));
        Assert.Equal(TimeSpan.FromMinutes(45), activity.CreditedDuration);
    }
}
