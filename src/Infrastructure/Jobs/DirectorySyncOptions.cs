namespace WorkSights.Infrastructure.Jobs;

public sealed class DirectorySyncOptions
{
    public const string SectionName = "DirectorySync";

    /// <summary>How often every active workspace's directory is brought up to date; delta links expire after 7 days.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public bool Enabled { get; set; } = true;
}
