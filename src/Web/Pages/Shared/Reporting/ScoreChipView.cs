using WorkSights.Domain.Scores;

namespace WorkSights.Web.Pages.Shared.Reporting;

/// <summary>A day's score as <c>_ScoreChip</c> draws it: the number in its band's colour, or a dash while there is none.</summary>
public sealed record ScoreChipView(bool HasResult, int? Score, ScoreBand? Band);
