using System.Text.RegularExpressions;

namespace WorkSights.Application.Reporting;

/// <summary>A day's summary as a viewer may read it: without its score when scores are hidden from them.</summary>
public static partial class DaySummaries
{
    public static string ForViewer(string summary, bool seesScores) =>
        seesScores ? summary : ScoreMention().Replace(summary, string.Empty);

    /// <summary>"(score 96)", ", score 96", "score: 96", with the space before it.</summary>
    [GeneratedRegex(@"\s*[,;]?\s*\(?\bscore\b:?\s*\d+\)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScoreMention();
}
