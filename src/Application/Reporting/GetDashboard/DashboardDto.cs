using WorkSights.Application.Common.Models;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Reporting.GetDashboard;

/// <param name="SeesScores">False when the viewer may not see scores: every row's score and band are then null.</param>
/// <param name="PeopleWithResults">How many of all the matching people (not only this page) have a computed day.</param>
/// <param name="Import">Whether anything was imported yet, for the empty states.</param>
public sealed record DashboardDto(DateOnly Date, bool SeesScores, DashboardSort Sort, PagedList<DashboardRow> Rows, int PeopleWithResults, ImportState Import);

/// <param name="HasResult">The day has been computed for this person (a result exists, even an empty one).</param>
public sealed record DashboardRow(Guid PersonId, string Name, string? Team, DayTimeline Timeline, bool HasResult, TimeSpan Credited, TimeSpan DailyTarget, int? Score, ScoreBand? Band);

/// <param name="AnyActivity">The workspace holds at least one imported item.</param>
/// <param name="SyncRunning">A sync is importing right now.</param>
public sealed record ImportState(bool AnyActivity, bool SyncRunning, int PeopleDone, int PeopleInRun);
