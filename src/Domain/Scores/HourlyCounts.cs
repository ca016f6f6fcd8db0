using System.Globalization;
using WorkSights.Domain.Common;

namespace WorkSights.Domain.Scores;

/// <summary>
/// How many items were started in each local clock hour (0–23) of one day, by a person or summed over a group; on a day
/// the clocks go back, both 01:00 hours count under 1. Heatmaps add these up. Stored as the 24 counts separated by commas.
/// </summary>
public sealed class HourlyCounts : IEquatable<HourlyCounts>
{
    public const int HoursOfDay = 24;

    private readonly int[] counts;

    private HourlyCounts(int[] counts) => this.counts = counts;

    public static HourlyCounts None { get; } = new(new int[HoursOfDay]);

    public int this[int hour] => hour is >= 0 and < HoursOfDay
        ? counts[hour]
        : throw new ArgumentOutOfRangeException(nameof(hour), hour, "A clock hour is between 0 and 23.");

    public int Total => counts.Sum();

    /// <summary>The counts of items started at the given clock hours, one hour per item.</summary>
    public static HourlyCounts OfItemsAt(IEnumerable<int> startHours)
    {
        ArgumentNullException.ThrowIfNull(startHours);
        var counts = new int[HoursOfDay];
        foreach (var hour in startHours)
        {
            if (hour is < 0 or >= HoursOfDay)
            {
                throw new DomainRuleViolationException("A clock hour is between 0 and 23.");
            }

            counts[hour]++;
        }

        return new HourlyCounts(counts);
    }

    public static HourlyCounts Sum(IEnumerable<HourlyCounts> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var counts = new int[HoursOfDay];
        foreach (var day in days)
        {
            for (var hour = 0; hour < HoursOfDay; hour++)
            {
                counts[hour] += day.counts[hour];
            }
        }

        return new HourlyCounts(counts);
    }

    /// <summary>Reads the stored form; an empty text (a row written before hours were kept) is <see cref="None"/>.</summary>
    public static HourlyCounts Parse(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Length == 0)
        {
            return None;
        }

        var parts = stored.Split(',');
        if (parts.Length != HoursOfDay)
        {
            throw new FormatException($"Hourly counts are {HoursOfDay} numbers separated by commas.");
        }

        var counts = new int[HoursOfDay];
        for (var hour = 0; hour < HoursOfDay; hour++)
        {
            if (!int.TryParse(parts[hour], NumberStyles.None, CultureInfo.InvariantCulture, out counts[hour]))
            {
                throw new FormatException($"Hourly counts are {HoursOfDay} numbers separated by commas.");
            }
        }

        return new HourlyCounts(counts);
    }

    public override string ToString() => string.Join(',', counts.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    public bool Equals(HourlyCounts? other) => other is not null && counts.AsSpan().SequenceEqual(other.counts);

    public override bool Equals(object? obj) => Equals(obj as HourlyCounts);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var count in counts)
        {
            hash.Add(count);
        }

        return hash.ToHashCode();
    }
}
