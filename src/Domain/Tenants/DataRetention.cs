namespace WorkSights.Domain.Tenants;

/// <summary>
/// How long a workspace may keep activities and their results. The shortest keeps the scores' 29-day history and a
/// month of reports; the longest is ten years. The audit log is not subject to it.
/// </summary>
public static class DataRetention
{
    public const int MinimumDays = 30;

    public const int MaximumDays = 3650;

    public static bool Allows(int days) => days is >= MinimumDays and <= MaximumDays;

    /// <summary>Activities that happened before this instant are purged.</summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, int days) => now.ToUniversalTime() - TimeSpan.FromDays(days);

    /// <summary>Day results dated before this day (the cutoff's UTC date) are purged; the cutoff's own day is kept.</summary>
    public static DateOnly FirstKeptDate(DateTimeOffset now, int days) => DateOnly.FromDateTime(Cutoff(now, days).UtcDateTime);
}
