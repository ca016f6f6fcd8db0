namespace WorkSights.Infrastructure.Jobs;

public sealed class DataRetentionOptions
{
    public const string SectionName = "DataRetention";

    public bool Enabled { get; set; } = true;

    /// <summary>How often each workspace's expired activities and results are purged.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Rows deleted per transaction, so that a first purge of years of activity never holds the write lock for long.</summary>
    public int BatchSize { get; set; } = 5_000;
}
