using WorkSights.Domain.Activities;

namespace WorkSights.Benchmarks;

/// <summary>
/// Synthetic days of work for the score and page benchmarks: about 20 items on a weekday (meetings, a call, chat,
/// files, a sign-in with its city, sent mail) between 07:00 and 19:00 UTC, and 2 on a weekend day.
/// </summary>
internal static class ActivityDays
{
    private static readonly ActivityLocation[] Places =
        [new("Lisbon", "Lisboa", "PT", 38.72, -9.14), new("London", null, "GB", 51.51, -0.13), new("Seattle", "WA", "US", 47.61, -122.33)];

    public static IEnumerable<ActivityRecord> DayOf(Guid tenantId, Guid personId, DateTimeOffset date, Random random)
    {
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var items = weekend ? 2 : 20;
        for (var i = 0; i < items; i++)
        {
            var kind = (i % 10) switch
            {
                0 or 1 => ActivityKind.Meeting,
                2 => ActivityKind.Call,
                3 or 4 => ActivityKind.ChatMessage,
                5 => ActivityKind.FileAction,
                6 => ActivityKind.SignIn,
                _ => ActivityKind.EmailSent,
            };
            var at = date.AddMinutes(random.Next(7 * 60, 19 * 60));
            var length = kind is ActivityKind.Meeting or ActivityKind.Call ? TimeSpan.FromMinutes(random.Next(15, 90)) : TimeSpan.FromMinutes(5);
            yield return new ActivityRecord(tenantId, personId, kind, kind == ActivityKind.SignIn ? ActivitySource.EntraId : ActivitySource.Outlook, at, length, null, 2, random.Next(4) == 0, $"{date:yyyyMMdd}-{i}-{random.Next():x}")
            {
                Location = kind == ActivityKind.SignIn ? Places[random.Next(Places.Length)] : null,
            };
        }
    }
}
