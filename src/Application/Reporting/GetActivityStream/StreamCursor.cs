using System.Globalization;

namespace WorkSights.Application.Reporting.GetActivityStream;

/// <summary>Where a page of the stream ended: the last item's time and id (items are ordered by both, newest first).</summary>
public sealed record StreamCursor(DateTimeOffset OccurredAt, Guid Id)
{
    /// <summary>"638699040000000000-0193…": the UTC ticks and the id, safe in a URL.</summary>
    public override string ToString() => $"{OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}-{Id:N}";

    public static bool TryParse(string? value, out StreamCursor? cursor)
    {
        cursor = null;
        var parts = value?.Trim().Split('-', 2);
        if (parts is not [var ticks, var id]
            || !long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            || utcTicks < DateTimeOffset.MinValue.UtcTicks || utcTicks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(id, "N", out var guid))
        {
            return false;
        }

        cursor = new StreamCursor(new DateTimeOffset(utcTicks, TimeSpan.Zero), guid);
        return true;
    }
}
