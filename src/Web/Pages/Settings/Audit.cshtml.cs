using System.Globalization;
using CsvHelper;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using WorkSights.Application.Accounts.GetAuditLog;

namespace WorkSights.Web.Pages.Settings;

/// <summary>The audit log (Owner and Technical Admin): filtered by the address, paged, and exported as CSV.</summary>
public sealed class AuditModel(IMediator mediator) : PageModel
{
    /// <summary>The CSV file's columns: one value each, where the page puts the address under the name and after under before.</summary>
    public static readonly IReadOnlyList<string> Columns = ["When", "Who", "What", "Subject", "Before", "After", "From address"];

    [FromQuery(Name = "action")]
    public string? ActionFilter { get; set; }

    [FromQuery(Name = "person")]
    public string? PersonFilter { get; set; }

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    /// <summary>What in the address could not be used, in words; the rest of the filter still applies.</summary>
    public List<string> Problems { get; } = [];

    public AuditLogDto Log { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Log = await mediator.Send(Query(ParsePage(), GetAuditLogQuery.DefaultPageSize), cancellationToken);
        if (ParsedPage > Log.Entries.Page)
        {
            Problems.Add($"There is no page {ParsedPage}; showing page {Log.Entries.Page}, the last.");
        }
    }

    /// <summary>Every entry the filter selects, not only the page on screen, with the same columns.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        Log = await mediator.Send(Query(1, GetAuditLogQuery.EveryEntry), cancellationToken);
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteHeader(Columns.ToArray());
            foreach (var row in Log.Entries.Items)
            {
                csv.WriteRecord([When(row), row.By, row.ActionLabel, row.Subject, row.Before ?? string.Empty, row.After ?? string.Empty, row.FromAddress ?? string.Empty]);
            }
        }

        return File(buffer.ToArray(), "text/csv; charset=utf-8", "audit-log.csv");
    }

    public static string When(AuditLogRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.At.ToString("uuuu-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>The current filter's address values, with some replaced (a null value removes it).</summary>
    public Dictionary<string, string> Links(params (string Name, string? Value)[] changes)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Keep(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[name] = value;
            }
        }

        Keep("action", ActionFilter);
        Keep("person", PersonFilter);
        Keep("from", From);
        Keep("to", To);
        foreach (var (name, value) in changes)
        {
            values.Remove(name);
            Keep(name, value);
        }

        return values;
    }

    private int ParsedPage { get; set; } = 1;

    private GetAuditLogQuery Query(int page, int pageSize)
    {
        var from = ParseDate(From, "first day");
        var to = ParseDate(To, "last day");
        if (from is not null && to is not null && to < from)
        {
            Problems.Add("The last day is before the first; showing every day from the first.");
            to = null;
        }

        Guid? person = null;
        if (!string.IsNullOrWhiteSpace(PersonFilter))
        {
            if (Guid.TryParse(PersonFilter, out var id))
            {
                person = id;
            }
            else
            {
                Problems.Add("The person in the address is not one of the list; showing everyone.");
            }
        }

        var action = ActionFilter?.Trim();
        if (action is { Length: > 100 })
        {
            Problems.Add("The action in the address is not one of the list; showing every action.");
            action = null;
        }

        return new GetAuditLogQuery(string.IsNullOrEmpty(action) ? null : action, person, from, to, page, pageSize);
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

        Problems.Add($"The {name} in the address is not a date like 2026-03-31; it is left out.");
        return null;
    }

    private int ParsePage()
    {
        if (string.IsNullOrWhiteSpace(PageNumber))
        {
            return ParsedPage = 1;
        }

        if (int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 1_000_000)
        {
            return ParsedPage = number;
        }

        Problems.Add("The page number in the address is not a whole number from 1; showing the first page.");
        return ParsedPage = 1;
    }
}
