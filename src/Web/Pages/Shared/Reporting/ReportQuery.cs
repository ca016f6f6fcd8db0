using System.Globalization;
using NodaTime;
using WorkSights.Application.Reporting;
using WorkSights.Application.Reporting.GetReportBar;
using WorkSights.Domain.Activities;

namespace WorkSights.Web.Pages.Shared.Reporting;

/// <summary>
/// The date bar's and filters' values as the URL carries them (<c>?date=2026-12-03&amp;team=Sales</c>), bound with
/// <c>[FromQuery]</c>. Values that do not parse are dropped with a message, never an error page.
/// </summary>
public sealed class ReportQuery
{
    /// <summary>The longest range a page computes over, so that no URL asks for years of rows.</summary>
    public const int MaximumRangeDays = 366;

    public string? Date { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Team { get; set; }

    public string? Manager { get; set; }

    public string? Category { get; set; }

    public string? Service { get; set; }

    public string? Person { get; set; }

    public string? Role { get; set; }

    /// <summary>The person asked for, when the address names one by a well-formed id (for <see cref="GetReportBarQuery"/> to name).</summary>
    public Guid? PersonId => Guid.TryParse(Person?.Trim(), out var id) ? id : null;

    /// <summary>What could not be understood in the URL, in words a person reads.</summary>
    public List<string> Problems { get; } = [];

    /// <param name="options">The bar's choices: a person the viewer does not see (or who does not exist) is dropped with a message.</param>
    public ReportFilter ToFilter(ReportBarDto options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var person = Parse<Guid>(Person, "person", value => Guid.TryParse(value, out var id) ? id : null);
        if (person is not null && options.Person?.Id != person)
        {
            Problems.Add("The person in the address is not one you can see; showing everyone.");
            person = null;
        }

        return new(
            string.IsNullOrWhiteSpace(Team) ? null : Team.Trim(),
            Parse<Guid>(Manager, "manager", value => Guid.TryParse(value, out var id) ? id : null),
            Parse<ActivityCategory>(Category, "category", value => Enum.TryParse<ActivityCategory>(value, true, out var c) && IsName(value) && Enum.IsDefined(c) ? c : null),
            Parse<ActivitySource>(Service, "service", value => Enum.TryParse<ActivitySource>(value, true, out var s) && IsName(value) && Enum.IsDefined(s) ? s : null),
            person,
            string.IsNullOrWhiteSpace(Role) ? null : Role.Trim());
    }

    /// <summary>The chosen day, or <paramref name="today"/>; never after today.</summary>
    public LocalDate DayOr(LocalDate today) => Clamp(ParseDate(Date, "date"), today) ?? today;

    /// <summary>The chosen range, or the <paramref name="defaultDays"/> days up to today; at most <see cref="MaximumRangeDays"/> days.</summary>
    public (LocalDate From, LocalDate To) RangeOr(LocalDate today, int defaultDays)
    {
        var to = Clamp(ParseDate(To, "end date"), today) ?? today;
        var from = ParseDate(From, "start date") ?? to.PlusDays(1 - defaultDays);
        if (from > to)
        {
            (from, to) = (to, from);
        }

        if (Period.DaysBetween(from, to) >= MaximumRangeDays)
        {
            Problems.Add($"A range covers at most {MaximumRangeDays} days; showing the last {MaximumRangeDays} days up to {to:uuuu-MM-dd}.");
            from = to.PlusDays(1 - MaximumRangeDays);
        }

        return (from, to);
    }

    /// <summary>The current values with some replaced, for links that keep the rest of the view.</summary>
    public Dictionary<string, string> With(params (string Name, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["date"] = Date,
            ["from"] = From,
            ["to"] = To,
            ["team"] = Team,
            ["manager"] = Manager,
            ["category"] = Category,
            ["service"] = Service,
            ["person"] = Person,
            ["role"] = Role,
        };
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        return values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value!);
    }

    public static string Format(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static bool IsName(string value) => !value.Any(char.IsDigit);

    private LocalDate? Clamp(LocalDate? date, LocalDate today)
    {
        if (date is { } value && value > today)
        {
            Problems.Add($"{value:d MMMM uuuu} has not happened yet; showing today.");
            return today;
        }

        return date;
    }

    private LocalDate? ParseDate(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 2000)
        {
            return LocalDate.FromDateOnly(date);
        }

        Problems.Add($"The {name} in the address is not a date like 2026-12-03; it was ignored.");
        return null;
    }

    private T? Parse<T>(string? value, string name, Func<string, T?> parse)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parsed = parse(value.Trim());
        if (parsed is null)
        {
            Problems.Add($"The {name} in the address is not one WorkSights knows; it was ignored.");
        }

        return parsed;
    }
}
