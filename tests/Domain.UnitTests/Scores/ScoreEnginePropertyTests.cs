using CsCheck;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Scores;

namespace WorkSights.Domain.UnitTests.Scores;

/// <summary>Properties that hold for any day and any set of items.</summary>
public sealed class ScoreEnginePropertyTests
{
    /// <summary>A thousand cases per property run in well under a second each.</summary>
    private const int Iterations = 1000;

    private static readonly DateTimeOffset Midnight = new(2026, 3, 29, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A day of 23, 24 or 25 hours, with or without work hours inside it.</summary>
    private static readonly Gen<ScoringDay> Days =
        from hours in Gen.Int[23, 25]
        from hasWork in Gen.Bool
        from workStartMinute in Gen.Int[0, 22 * 60]
        from workMinutes in Gen.Int[1, (23 * 60) - workStartMinute]
        from percent in Gen.Int[1, ScoringDay.MaximumTargetPercent]
        from isHoliday in Gen.Bool
        select hasWork
            ? new ScoringDay(
                DateOnly.FromDateTime(Midnight.UtcDateTime),
                Midnight,
                Midnight.AddHours(hours),
                Midnight.AddMinutes(workStartMinute),
                Midnight.AddMinutes(workStartMinute + workMinutes),
                isHoliday,
                percent,
                TimeSpan.FromMinutes(workMinutes))
            : new ScoringDay(DateOnly.FromDateTime(Midnight.UtcDateTime), Midnight, Midnight.AddHours(hours), null, null, isHoliday, percent, TimeSpan.Zero);

    /// <summary>Items starting up to 12 hours before the day and ending up to 11 hours after its end.</summary>
    private static readonly Gen<ScoringActivity> Items =
        from kind in Gen.Enum<ActivityKind>()
        from startMinute in Gen.Int[-12 * 60, 25 * 60]
        from minutes in Gen.OneOf(Gen.Int[0, 120], Gen.Int[0, 11 * 60])
        from isExternal in Gen.Bool
        from isCorrected in Gen.Bool
        from id in Gen.Guid
        select new ScoringActivity(id, kind, Midnight.AddMinutes(startMinute), TimeSpan.FromMinutes(minutes), isExternal, isCorrected);

    private static readonly Gen<(ScoringDay Day, ScoringActivity[] Items)> Cases = Gen.Select(Days, Items.Array[0, 60]);

    [Fact]
    public void CreditedTimeNeverExceedsTheLocalDay()
    {
        Cases.Sample(c =>
        {
            var result = ScoreEngine.Compute(c.Day, c.Items, CreditingTable.Default);
            return result.Credited <= c.Day.Length && result.AfterHours <= result.Credited;
        }, iter: Iterations);
    }

    [Fact]
    public void ComponentsAddUpToCreditedTime()
    {
        Cases.Sample(c =>
        {
            var result = ScoreEngine.Compute(c.Day, c.Items, CreditingTable.Default);
            return result.Components.Aggregate(TimeSpan.Zero, (sum, component) => sum + component.Time) == result.Credited;
        }, iter: Iterations);
    }

    [Fact]
    public void ResultIsTheSameWhateverTheOrderOfItems()
    {
        Gen.Select(Cases, Gen.Int).Sample(c =>
        {
            var ((day, items), seed) = c;
            var shuffled = items.ToArray();
            new Random(seed).Shuffle(shuffled);

            var original = ScoreEngine.Compute(day, items, CreditingTable.Default);
            var reordered = ScoreEngine.Compute(day, shuffled, CreditingTable.Default);

            return original with { Components = reordered.Components, Items = reordered.Items } == reordered
                && original.Components.SequenceEqual(reordered.Components)
                && original.Items.SequenceEqual(reordered.Items);
        }, iter: Iterations);
    }
}
