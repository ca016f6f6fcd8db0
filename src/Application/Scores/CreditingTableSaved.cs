namespace WorkSights.Application.Scores;

/// <param name="Changed">False when the table saved was the one in force: nothing was written or marked.</param>
/// <param name="ModelVersion">The model version of the table in force after the save.</param>
public sealed record CreditingTableSaved(bool Changed, string ModelVersion);
