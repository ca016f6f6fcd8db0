using WorkSights.Domain.Activities;

namespace WorkSights.Domain.Scores;

/// <summary>
/// Turns one person's activities on one local day into a <see cref="DayScore"/>. Pure and deterministic: the same
/// day, items (in any order) and table always give the same result. docs/scoring.md describes the model.
/// </summary>
public static class ScoreEngine
{
    private static readonly int ComponentCount = Enum.GetValues<ScoreComponent>().Length;

    public static DayScore Compute(ScoringDay day, IEnumerable<ScoringActivity> activities, CreditingTable table)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(activities);
        ArgumentNullException.ThrowIfNull(table);

        var items = activities
            .Select(activity => Credit(activity, day, table))
            .Where(item => item is not null)
            .Select(item => item!)
            .OrderBy(item => item.Activity.Start)
            .ThenBy(item => item.Activity.Kind)
            .ThenBy(item => item.Activity.Duration)
            .ThenBy(item => item.Activity.Id)
            .ThenBy(item => item.Activity.IsExternal)
            .ThenBy(item => item.Activity.IsCorrected)
            .ToList();

        var scored = items.Where(item => item is { Credited: not null, Component: not null }).ToList();
        var union = Union(scored.Select(item => item.Credited!));
        var credited = Total(union);
        var isWorkDay = day.IsWorkDay;
        var target = day.DailyTarget;
        int? score = isWorkDay ? Percentage(credited, target) : null;
        var insideWorkHours = isWorkDay ? Total(union.Select(span => span.ClipTo(day.WorkHours!)).OfType<TimeInterval>()) : TimeSpan.Zero;

        return new DayScore
        {
            LocalDate = day.LocalDate,
            ModelVersion = table.ModelVersion,
            DayLength = day.Length,
            IsWorkDay = isWorkDay,
            IsHoliday = day.IsHoliday,
            DailyTarget = target,
            Credited = credited,
            Score = score,
            Band = score is { } value ? ScoreBands.Of(value) : ScoreBand.NonWorkDay,
            AfterHours = credited - insideWorkHours,
            Components = Components(items),
            FirstActivity = union.Count > 0 ? union[0].Start : null,
            LastActivity = union.Count > 0 ? union[^1].End : null,
            LongestMeetingFreeStretch = isWorkDay ? LongestGap(day.WorkHours!, scored.Where(IsMeetingOrCall).Select(item => item.Credited!)) : null,
            Items = items,
        };
    }

    /// <summary>The item as credited on this day, or null when it has nothing to do with the day.</summary>
    private static CreditedItem? Credit(ScoringActivity activity, ScoringDay day, CreditingTable table)
    {
        var length = table.LengthOf(activity.Kind, activity.Duration, activity.IsCorrected);
        var span = new TimeInterval(activity.Start, activity.Start + length);
        var inDay = span.ClipTo(day.Bounds);
        var startsInDay = activity.Start >= day.Bounds.Start && activity.Start < day.Bounds.End;
        if (inDay is null && !startsInDay)
        {
            return null;
        }

        var unscored = activity.Kind switch
        {
            ActivityKind.CalendarBlock => UnscoredReason.CalendarBlock,
            ActivityKind.MailboxAccess => UnscoredReason.MailboxAccess,
            _ when activity.Duration > table.MaximumScored || length > table.MaximumScored => UnscoredReason.LongerThanMaximum,
            _ => UnscoredReason.None,
        };

        return unscored == UnscoredReason.None
            ? new CreditedItem(activity, inDay, ComponentOf(activity), UnscoredReason.None)
            : new CreditedItem(activity, null, null, unscored);
    }

    private static ScoreComponent ComponentOf(ScoringActivity activity) => activity.Kind switch
    {
        ActivityKind.Meeting or ActivityKind.CalendarResponse => activity.IsExternal ? ScoreComponent.ExternalMeetings : ScoreComponent.InternalMeetings,
        ActivityKind.Call => ScoreComponent.Calls,
        ActivityKind.EmailSent => ScoreComponent.Email,
        ActivityKind.ChatMessage => ScoreComponent.Chat,
        ActivityKind.FileAction => ScoreComponent.Files,
        _ => ScoreComponent.Logins,
    };

    private static bool IsMeetingOrCall(CreditedItem item) => item.Activity.Kind is ActivityKind.Meeting or ActivityKind.Call;

    /// <summary>Exact decimal arithmetic, so that 29.5 rounds to 30 and not to 29 through a binary fraction.</summary>
    private static int Percentage(TimeSpan credited, TimeSpan target) =>
        (int)Math.Round((decimal)credited.Ticks * 100 / target.Ticks, MidpointRounding.AwayFromZero);

    private static List<TimeInterval> Union(IEnumerable<TimeInterval> spans)
    {
        var merged = new List<TimeInterval>();
        foreach (var span in spans.Where(span => span.Length > TimeSpan.Zero).OrderBy(span => span.Start).ThenBy(span => span.End))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                if (span.End > merged[^1].End)
                {
                    merged[^1] = new TimeInterval(merged[^1].Start, span.End);
                }
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private static TimeSpan Total(IEnumerable<TimeInterval> spans) =>
        spans.Aggregate(TimeSpan.Zero, (sum, span) => sum + span.Length);

    /// <summary>
    /// Sweeps the day once: each moment covered by scored items goes to the first covering component in
    /// <see cref="ScoreComponent"/> order, so the components add up to the union exactly.
    /// </summary>
    private static List<ComponentTotal> Components(IReadOnlyList<CreditedItem> items)
    {
        var times = new TimeSpan[ComponentCount];
        var counts = new int[ComponentCount];
        var covering = new int[ComponentCount];
        var edges = new List<(DateTimeOffset At, int Component, int Change)>();
        foreach (var item in items.Where(item => item.Component is not null))
        {
            var component = (int)item.Component!.Value;
            counts[component]++;

            if (item.Credited is { Length.Ticks: > 0 } span)
            {
                edges.Add((span.Start, component, +1));
                edges.Add((span.End, component, -1));
            }
        }

        edges.Sort((a, b) => a.At.CompareTo(b.At));
        for (var i = 0; i < edges.Count; i++)
        {
            covering[edges[i].Component] += edges[i].Change;
            if (i + 1 < edges.Count && edges[i + 1].At > edges[i].At)
            {
                var owner = Array.FindIndex(covering, count => count > 0);
                if (owner >= 0)
                {
                    times[owner] += edges[i + 1].At - edges[i].At;
                }
            }
        }

        return Enum.GetValues<ScoreComponent>().Select(c => new ComponentTotal(c, times[(int)c], counts[(int)c])).ToList();
    }

    private static TimeInterval LongestGap(TimeInterval window, IEnumerable<TimeInterval> busy)
    {
        var longest = new TimeInterval(window.Start, window.Start);
        var free = window.Start;
        foreach (var span in Union(busy.Select(span => span.ClipTo(window)).OfType<TimeInterval>()))
        {
            if (span.Start - free > longest.Length)
            {
                longest = new TimeInterval(free, span.Start);
            }

            free = span.End;
        }

        return window.End - free > longest.Length ? new TimeInterval(free, window.End) : longest;
    }
}
