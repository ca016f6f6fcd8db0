using WorkSights.Domain.Common;

namespace WorkSights.Domain.Scores;

/// <summary>A half-open span of time [Start, End).</summary>
public sealed record TimeInterval
{
    public TimeInterval(DateTimeOffset start, DateTimeOffset end)
    {
        if (end < start)
        {
            throw new DomainRuleViolationException("An interval cannot end before it starts.");
        }

        Start = start;
        End = end;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public TimeSpan Length => End - Start;

    /// <summary>The part of this interval inside <paramref name="other"/>, or null when they do not overlap.</summary>
    public TimeInterval? ClipTo(TimeInterval other)
    {
        var start = Start > other.Start ? Start : other.Start;
        var end = End < other.End ? End : other.End;
        return start < end ? new TimeInterval(start, end) : null;
    }
}
