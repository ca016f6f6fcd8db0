using WorkSights.Domain.Activities;
using WorkSights.Domain.Scores;
using static WorkSights.Domain.UnitTests.Scores.ScoringExamples;

namespace WorkSights.Domain.UnitTests.Scores;

/// <summary>The daily summary, word for word, on days of the scoring examples' person (London in winter, 09:00–17:00, 80 %).</summary>
public sealed class DailySummaryTests
{
    private static readonly DateOnly Saturday = new(2026, 3, 7);

    private static string Describe(ScoringDay day, params ScoringActivity[] items) =>
        DailySummary.Describe(ScoreEngine.Compute(day, items, CreditingTable.Default), instant => TimeOnly.FromDateTime(instant.UtcDateTime));

    [Fact]
    public void DescribesMeetingsCallsAndEmailsWithTheAfternoonFocusStretch()
    {
        var items = new List<ScoringActivity>
        {
            Meeting(At(Monday, 9), At(Monday, 10)),
            Meeting(At(Monday, 10), At(Monday, 11)),
            Meeting(At(Monday, 11), At(Monday, 11, 30)),
            Call(At(Monday, 13), Hm(0, 45), isExternal: true),
        };
        items.AddRange(Enumerable.Range(0, 22).Select(i => Email(At(Monday, 9).AddMinutes(5 * i))));

        var summary = Describe(Day(Monday), [.. items]);

        Assert.Equal("3 h 15 m credited: 3 internal meetings (2 h 30 m), 1 call (45 m), 22 emails; longest focus stretch 3 h 15 m in the afternoon.", summary);
        Assert.Equal("3 h 15 m credited (score 51): 3 internal meetings (2 h 30 m), 1 call (45 m), 22 emails; longest focus stretch 3 h 15 m in the afternoon.", DailySummary.WithScore(summary, 51));
    }

    [Fact]
    public void UsesTheSingularForOneItemAndAddsTimeAfterHours()
    {
        var summary = Describe(Day(Monday), Meeting(At(Monday, 8), At(Monday, 9)), Email(At(Monday, 18)));

        Assert.Equal("1 h 5 m credited: 1 internal meeting (1 h), 1 email; longest focus stretch 8 h in the afternoon; 1 h 5 m after hours.", summary);
    }

    [Fact]
    public void PlacesAMorningStretchAndNamesExternalMeetingsChatFilesAndSignIns()
    {
        var summary = Describe(
            Day(Monday),
            Meeting(At(Monday, 13), At(Monday, 17), isExternal: true),
            Item(ActivityKind.ChatMessage, At(Monday, 9), Hm(0, 2)),
            Item(ActivityKind.ChatMessage, At(Monday, 9, 10), Hm(0, 2)),
            Item(ActivityKind.FileAction, At(Monday, 9, 20), Hm(0, 3)),
            Item(ActivityKind.SignIn, At(Monday, 8, 55), Hm(0, 1)));

        Assert.Equal(
            "4 h 8 m credited: 1 external meeting (4 h), 2 chat messages, 1 file action, 1 sign-in; longest focus stretch 4 h in the morning; 1 m after hours.",
            summary);
    }

    [Fact]
    public void SaysANonWorkDayWithActivityIsOneAndLeavesAfterHoursOut()
    {
        var summary = Describe(Day(Saturday, isWorkDay: false), Email(At(Saturday, 10)), Email(At(Saturday, 11)));

        Assert.Equal("10 m credited on a non-work day: 2 emails.", summary);
        Assert.Equal(summary, DailySummary.WithScore(summary, null));
    }

    [Fact]
    public void CountsItemsThatAreNotScored()
    {
        var summary = Describe(Day(Monday), Block(At(Monday, 9), At(Monday, 12)), Block(At(Monday, 14), At(Monday, 15)));

        Assert.Equal("0 m credited: 2 items not scored; longest focus stretch 8 h in the afternoon.", summary);
        Assert.Equal("0 m credited (score 0): 2 items not scored; longest focus stretch 8 h in the afternoon.", DailySummary.WithScore(summary, 0));
    }

    [Fact]
    public void SaysWhenADayHadNoActivity()
    {
        Assert.Equal("No activity recorded on this work day.", Describe(Day(Monday)));
        Assert.Equal("No activity on this non-work day.", Describe(Day(Saturday, isWorkDay: false)));
        Assert.Equal("No activity on this holiday.", Describe(Day(Monday, isHoliday: true)));
        Assert.Equal("No activity recorded on this work day.", DailySummary.WithScore("No activity recorded on this work day.", 0));
    }

    [Theory]
    [InlineData(0, "0 m")]
    [InlineData(29, "0 m")]
    [InlineData(30, "1 m")]
    [InlineData(59 * 60 + 29, "59 m")]
    [InlineData(59 * 60 + 30, "1 h")]
    [InlineData(2 * 3600, "2 h")]
    [InlineData((6 * 3600) + (10 * 60), "6 h 10 m")]
    public void RoundsDurationsToWholeMinutes(int seconds, string expected) =>
        Assert.Equal(expected, DailySummary.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void IsTheSameWhateverTheOrderOfTheItems()
    {
        var items = new[] { Meeting(At(Monday, 9), At(Monday, 10)), Email(At(Monday, 12)), Call(At(Monday, 15), Hm(0, 20)) };

        Assert.Equal(Describe(Day(Monday), items), Describe(Day(Monday), [.. items.Reverse()]));
    }
}
