using System.Globalization;
using WorkSights.Application.Reporting;
using WorkSights.Domain.Activities;
using WorkSights.Web.Pages.Shared.Reporting;

namespace WorkSights.Web.Pages.Activities;

/// <summary>A stream item in the words the page shows; the same for the server-rendered list and the live events.</summary>
public sealed record StreamItemView(
    string Id,
    string PersonId,
    string Person,
    string At,
    string LocalTime,
    string Kind,
    string CategoryCss,
    string Duration,
    string Place,
    string Service,
    string Reach)
{
    public static StreamItemView Of(StreamItemDto item) => new(
        item.Id.ToString("N"),
        item.PersonId.ToString(),
        item.PersonName,
        item.OccurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
        $"{item.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture)} {item.ZoneAbbreviation}",
        ActivityLabels.Of(item.Kind),
        ReportLabels.CssOf(item.Category),
        item.CreditedDuration > TimeSpan.Zero ? ReportLabels.Duration(item.CreditedDuration) : "—",
        item.City is { } city ? item.CountryOrRegion is { } country ? $"{city}, {country}" : city : "Place unknown",
        ReportLabels.Of(item.Source),
        item.IsExternal ? "External" : "Internal");
}
