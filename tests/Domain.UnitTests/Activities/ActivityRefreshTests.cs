using WorkSights.Domain.Activities;
using WorkSights.Domain.Common;
using static WorkSights.Domain.UnitTests.TestData;

namespace WorkSights.Domain.UnitTests.Activities;

public sealed class ActivityRefreshTests
{
    private static readonly DateTimeOffset Synced = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Resynced = Synced.AddHours(1);

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
    public void RecordStampsSyncTimeAndIsNotCorrected()
    {
        var activity = Activity.Record(Meeting, Synced);

        Assert.Equal(Synced, activity.SyncedAt);
        Assert.False(activity.IsCorrected);
        Assert.False(activity.IsExternal);
    }

    [Fact]
    public void RecordThrowsGivenNonUtcSyncTime()
    {
        Assert.Throws<DomainRuleViolationException>(() => Activity.Record(Meeting, NotUtc));
    }

    [Fact]
    public void RecordTruncatesTitleToFourHundredCharacters()
    {
        var activity = Activity.Record(Meeting with { Title = new string('a', 400) + "tail" }, Synced);

        Assert.Equal(new string('a', 400), activity.Title);
    }

    [Fact]
    public void RecordKeepsTitleOfExactlyFourHundredCharacters()
    {
        var title = new string('b', 399) + "c";

        Assert.Equal(title, Activity.Record(Meeting with { Title = title }, Synced).Title);
    }

    [Fact]
    public void RecordTrimsTitleAfterTruncating()
    {
        var activity = Activity.Record(Meeting with { Title = "  Plan" + new string(' ', 500) }, Synced);

        Assert.Equal("Plan", activity.Title);
    }

    [Fact]
    public void RecordDoesNotSplitACharacterWhenTruncatingTitle()
    {
        var activity = Activity.Record(Meeting with { Title = new string('a', 399) + "\U0001F600 and more" }, Synced);

        Assert.Equal(new string('a', 399), activity.Title);
    }

    [Fact]
    public void RefreshUpdatesTimeTitleKindAndSyncTime()
    {
        var activity = Activity.Record(Meeting, Synced);
        var id = activity.Id;

        activity.Refresh(
            Meeting with
            {
                OccurredAt = Now.AddHours(2),
                Duration = TimeSpan.FromMinutes(30),
                Title = "Weekly sync (moved)",
                Kind = ActivityKind.CalendarBlock,
                CounterpartCount = 0,
                IsExternal = true,
            },
            Resynced);

        Assert.Equal(id, activity.Id);
        Assert.Equal(Now.AddHours(2), activity.OccurredAt);
        Assert.Equal(TimeSpan.FromMinutes(30), activity.CreditedDuration);
        Assert.Equal("Weekly sync (moved)", activity.Title);
        Assert.Equal(ActivityKind.CalendarBlock, activity.Kind);
        Assert.Equal(ActivityCategory.CalendarBlock, activity.Category);
        Assert.False(activity.IsScored);
        Assert.Equal(0, activity.CounterpartCount);
        Assert.True(activity.IsExternal);
        Assert.Equal(Resynced, activity.SyncedAt);
    }

    [Fact]
    public void RefreshKeepsACorrectedDuration()
    {
        var activity = Activity.Record(Meeting, Synced);
        activity.CorrectCreditedDuration(TimeSpan.FromMinutes(20));

        activity.Refresh(Meeting with { Duration = TimeSpan.FromMinutes(90), Title = "Longer" }, Resynced);

        Assert.Equal(TimeSpan.FromMinutes(20), activity.CreditedDuration);
        Assert.True(activity.IsCorrected);
        Assert.Equal("Longer", activity.Title);
        Assert.Equal(Resynced, activity.SyncedAt);
    }

    [Fact]
    public void RefreshTakesTheSourceDurationGivenNoCorrection()
    {
        var activity = Activity.Record(Meeting, Synced);

        activity.Refresh(Meeting with { Duration = TimeSpan.FromMinutes(90) }, Resynced);

        Assert.Equal(TimeSpan.FromMinutes(90), activity.CreditedDuration);
        Assert.False(activity.IsCorrected);
    }

    [Fact]
    public void RefreshStopsScoringAnItemThatGrewPastTenHours()
    {
        var activity = Activity.Record(Meeting, Synced);

        activity.Refresh(Meeting with { Duration = TimeSpan.FromHours(24) }, Resynced);

        Assert.False(activity.IsScored);
        Assert.Equal(TimeSpan.Zero, activity.CreditedDuration);
    }

    [Fact]
    public void RefreshThrowsGivenAnotherExternalId()
    {
        var activity = Activity.Record(Meeting, Synced);

        Assert.Throws<DomainRuleViolationException>(() => activity.Refresh(Meeting with { ExternalId = "evt-2" }, Resynced));
        Assert.Equal(Synced, activity.SyncedAt);
    }

    [Fact]
    public void RefreshThrowsGivenAnotherPerson()
    {
        var activity = Activity.Record(Meeting, Synced);

        Assert.Throws<DomainRuleViolationException>(() => activity.Refresh(Meeting with { PersonId = Guid.NewGuid() }, Resynced));
    }

    [Fact]
    public void RefreshThrowsGivenAnotherTenant()
    {
        var activity = Activity.Record(Meeting, Synced);

        Assert.Throws<DomainRuleViolationException>(() => activity.Refresh(Meeting with { TenantId = Guid.NewGuid() }, Resynced));
    }

    [Fact]
    public void RefreshThrowsGivenAnotherSource()
    {
        var activity = Activity.Record(Meeting, Synced);

        Assert.Throws<DomainRuleViolationException>(() => activity.Refresh(Meeting with { Source = ActivitySource.Outlook }, Resynced));
        Assert.Equal(ActivitySource.OutlookCalendar, activity.Source);
    }

    [Fact]
    public void CorrectCreditedDurationMarksTheActivityCorrected()
    {
        var activity = Activity.Record(Meeting, Synced);

        activity.CorrectCreditedDuration(TimeSpan.FromMinutes(10));

        Assert.True(activity.IsCorrected);
        Assert.Equal(TimeSpan.FromMinutes(10), activity.CreditedDuration);
    }

    [Fact]
    public void CorrectCreditedDurationOutOfBoundsLeavesTheActivityUncorrected()
    {
        var activity = Activity.Record(Meeting, Synced);

        Assert.Throws<DomainRuleViolationException>(() => activity.CorrectCreditedDuration(TimeSpan.FromHours(11)));

        Assert.False(activity.IsCorrected);
    }
}
