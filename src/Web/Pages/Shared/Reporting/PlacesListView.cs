using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using WorkSights.Application.Reporting.GetMapPlaces;

namespace WorkSights.Web.Pages.Shared.Reporting;

/// <summary>
/// The map's places as a list, city by city, each person an item that carries their pin (name, city, item count and
/// coordinates) for <c>places-map.js</c>: what the map draws, readable without it.
/// </summary>
/// <remarks>
/// It writes itself rather than looping in the partial: a day of 2,000 located people is ten writes each, and a partial's
/// buffer took a page for every few of them.
/// </remarks>
public sealed class PlacesListView(IReadOnlyList<IGrouping<(string City, string? CountryOrRegion), MapPinDto>> byCity) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        writer.Write("<ul data-places tabindex=\"0\" aria-label=\"Places and people\">");
        foreach (var city in byCity)
        {
            writer.Write("<li><strong>");
            encoder.Encode(writer, city.Key.CountryOrRegion is { } country ? $"{city.Key.City}, {country}" : city.Key.City);
            writer.Write("</strong><ul>");
            foreach (var pin in city)
            {
                WritePin(writer, encoder, pin);
            }

            writer.Write("</ul></li>");
        }

        writer.Write("</ul>");
    }

    private static void WritePin(TextWriter writer, HtmlEncoder encoder, MapPinDto pin)
    {
        writer.Write("<li data-pin data-name=\"");
        encoder.Encode(writer, pin.PersonName);
        writer.Write("\" data-city=\"");
        encoder.Encode(writer, pin.City);
        writer.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"\" data-count=\"{pin.ActivityCount}\" data-lat=\"{pin.Latitude:R}\" data-lon=\"{pin.Longitude:R}\">"));
        encoder.Encode(writer, pin.PersonName);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $" — {pin.ActivityCount} {(pin.ActivityCount == 1 ? "item" : "items")}</li>"));
    }
}
