using WorkSights.Domain.Activities;
using WorkSights.Domain.Common;
using WorkSights.Domain.Scores;
using static WorkSights.Domain.UnitTests.Scores.ScoringExamples;

namespace WorkSights.Domain.UnitTests.Scores;

public sealed class CreditingTableTests
{
    [Fact]
    public void DefaultHoldsTheProductDurations()
    {
        var table = CreditingTable.Default;

        Assert.Equal(Hm(0, 5), table.SentEmail);
        Assert.Equal(Hm(0, 1), table.CalendarResponse);
        Assert.Equal(Hm(0, 2), table.ChatMessage);
        Assert.Equal(Hm(0, 3), table.FileAction);
        Assert.Equal(Hm(0, 1), table.SignIn);
        Assert.Equal(Hm(10), table.MaximumScored);
        Assert.Equal("1:300,60,120,180,60,36000", table.ModelVersion);
    }

    /// <summary>docs/scoring.md, example 14: sent email credited 10 minutes instead of 5.</summary>
    [Fact]
    public void ChangingADurationBumpsTheModelVersionAndTheCredit()
    {
        var tuned = new CreditingTable(Hm(0, 10), Hm(0, 1), Hm(0, 2), Hm(0, 3), Hm(0, 1), Hm(10));
        var emails = new[] { Email(At(Monday, 13)), Email(At(Monday, 14)), Email(At(Monday, 15)), Email(At(Monday, 16)) };

        var before = ScoreEngine.Compute(Day(Monday), emails, CreditingTable.Default);
        var after = ScoreEngine.Compute(Day(Monday), emails, tuned);

        Assert.Equal("1:600,60,120,180,60,36000", after.ModelVersion);
        Assert.NotEqual(before.ModelVersion, after.ModelVersion);
        Assert.Equal(Hm(0, 20), before.Credited);
        Assert.Equal(Hm(0, 40), after.Credited);
        Assert.Equal(10, after.Score);
    }

    [Fact]
    public void ModelVersionShowsSubSecondDurations()
    {
        var table = new CreditingTable(TimeSpan.FromMilliseconds(1500), Hm(0, 1), Hm(0, 2), Hm(0, 3), Hm(0, 1), Hm(10));

        Assert.Equal("1:1.5000000,60,120,180,60,36000", table.ModelVersion);
    }

    [Fact]
    public void LoweringTheMaximumUnscoresLongerItems()
    {
        var table = new CreditingTable(Hm(0, 5), Hm(0, 1), Hm(0, 2), Hm(0, 3), Hm(0, 1), Hm(2));

        var result = ScoreEngine.Compute(Day(Monday), [Call(At(Monday, 9), Hm(3))], table);

        Assert.Equal(UnscoredReason.LongerThanMaximum, Assert.Single(result.Items).Unscored);
        Assert.Equal("1:300,60,120,180,60,7200", result.ModelVersion);
    }

    [Theory]
    [InlineData(-1, 600)]
    [InlineData(61, 600)]
    [InlineData(5, 0)]
    [InlineData(5, 1441)]
    public void ConstructorThrowsGivenDurationOutOfRange(int emailMinutes, int maximumMinutes)
    {
        Assert.Throws<DomainRuleViolationException>(() =>
            new CreditingTable(TimeSpan.FromMinutes(emailMinutes), Hm(0, 1), Hm(0, 2), Hm(0, 3), Hm(0, 1), TimeSpan.FromMinutes(maximumMinutes)));
    }

    [Theory]
    [InlineData(ActivityKind.Meeting)]
    [InlineData(ActivityKind.Call)]
    [InlineData(ActivityKind.CalendarBlock)]
    [InlineData(ActivityKind.MailboxAccess)]
    public void FixedCreditOfIsNullGivenKindCreditedByItsOwnLengthOrNotAtAll(ActivityKind kind)
    {
        Assert.Null(CreditingTable.Default.FixedCreditOf(kind));
    }
}
