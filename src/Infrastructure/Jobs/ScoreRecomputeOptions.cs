namespace WorkSights.Infrastructure.Jobs;

public sealed class ScoreRecomputeOptions
{
    public const string SectionName = "ScoreRecompute";

    public bool Enabled { get; set; } = true;

    /// <summary>How often the job looks for dirty days when nothing wakes it: a backfill's pages are scored as they land.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often every workspace's closed days are completed and days of an older model version recomputed, whatever
    /// was marked: hourly, each time zone's previous day is closed within the hour after its midnight.
    /// </summary>
    public TimeSpan CloseInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>After draining marks, a workspace's closed days are completed at most this often (a backfill drains every few seconds).</summary>
    public TimeSpan CloseAfterDrainInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Marks read and recomputed at a time.</summary>
    public int MarksPerRound { get; set; } = 5_000;
}
