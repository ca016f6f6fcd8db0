using NodaTime;

namespace WorkSights.Application.Scores;

/// <summary>
/// Which of a person's days have a result row. A day with any item always has one. A day without any has one once it is
/// closed — it has ended in the person's time zone — and lies inside the person's history, which starts
/// <see cref="HistoryDays"/> days before they were imported (as far back as a first sync reads): such a day is a real
/// day without activity (zero credited; a score of 0 on a work day), not a day we know nothing about.
/// </summary>
public static class ScoredDays
{
    public const int HistoryDays = 29;

    public static LocalDate HistoryStart(DateTimeOffset importedAt, DateTimeZone zone) =>
        Instant.FromDateTimeOffset(importedAt).InZone(zone).Date.PlusDays(-HistoryDays);

    /// <summary>The last closed day: yesterday in the person's zone.</summary>
    public static LocalDate LastClosed(DateTimeOffset now, DateTimeZone zone) => Instant.FromDateTimeOffset(now).InZone(zone).Date.PlusDays(-1);

    public static bool KeepsEmptyDay(LocalDate date, DateTimeOffset importedAt, DateTimeOffset now, DateTimeZone zone) =>
        date >= HistoryStart(importedAt, zone) && date <= LastClosed(now, zone);
}
