using WorkSights.Domain.Common;

namespace WorkSights.Domain.Scores;

/// <summary>The colour a work day's score falls in (PRODUCT.md, "The Score"); each upper edge belongs to its band.</summary>
public static class ScoreBands
{
    public static ScoreBand Of(int score)
    {
        if (score < 0)
        {
            throw new DomainRuleViolationException("A score cannot be negative.");
        }

        return score switch
        {
            <= 30 => ScoreBand.Red,
            <= 70 => ScoreBand.Yellow,
            <= 100 => ScoreBand.Green,
            <= 130 => ScoreBand.Blue,
            _ => ScoreBand.Purple,
        };
    }
}
