using System.Globalization;
using WorkSights.Domain.Common;

namespace WorkSights.Domain.Schedules;

/// <summary>What a schedule says about one weekday.</summary>
public enum DayPlanKind
{
    /// <summary>The hours the person would otherwise work that weekday (the workspace's or their regular schedule's).</summary>
    Regular,

    /// <summary>Work from <see cref="DayPlan.Start"/> to <see cref="DayPlan.End"/>.</summary>
    Hours,

    /// <summary>Not a work day.</summary>
    Off,
}

/// <summary>One weekday of a schedule: the regular hours, hours of its own, or a day off.</summary>
public sealed record DayPlan
{
    private DayPlan(DayPlanKind kind, TimeOnly? start, TimeOnly? end)
    {
        Kind = kind;
        Start = start;
        End = end;
    }

    public static DayPlan Regular { get; } = new(DayPlanKind.Regular, null, null);

    public static DayPlan Off { get; } = new(DayPlanKind.Off, null, null);

    public DayPlanKind Kind { get; }

    public TimeOnly? Start { get; }

    public TimeOnly? End { get; }

    public static DayPlan Working(TimeOnly start, TimeOnly end) =>
        end > start
            ? new DayPlan(DayPlanKind.Hours, start, end)
            : throw new DomainRuleViolationException($"Working hours must end after they start ({start:HH\\:mm}–{end:HH\\:mm}).");

    /// <summary>The stored form: "regular", "off" or "09:00-17:00".</summary>
    public override string ToString() => Kind switch
    {
        DayPlanKind.Hours => string.Create(CultureInfo.InvariantCulture, $"{Start:HH\\:mm}-{End:HH\\:mm}"),
        DayPlanKind.Off => "off",
        _ => "regular",
    };

    public static DayPlan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text)
        {
            case "regular":
                return Regular;
            case "off":
                return Off;
        }

        var parts = text.Split('-');
        if (parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            return Working(start, end);
        }

        throw new DomainRuleViolationException($"'{text}' is not a day of a schedule.");
    }
}
