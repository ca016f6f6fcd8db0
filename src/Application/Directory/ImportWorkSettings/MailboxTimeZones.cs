using NodaTime;
using NodaTime.TimeZones;
using NodaTime.TimeZones.Cldr;

namespace WorkSights.Application.Directory.ImportWorkSettings;

/// <summary>
/// Turns a mailbox's zone name into an IANA id. Outlook names a zone the Windows way ("W. Europe Standard Time") unless
/// the organisation set its mailboxes up with IANA names; a Windows zone covers several IANA zones, and the CLDR mapping
/// bundled with NodaTime's TZDB names one per region, so the mailbox's region picks the right one ("Eastern Standard Time"
/// is America/Toronto in Canada) and the mapping's primary zone serves otherwise.
/// </summary>
internal static class MailboxTimeZones
{
    private static readonly WindowsZones Windows = TzdbDateTimeZoneSource.Default.WindowsMapping;

    /// <summary>The IANA id, or null for no name or one neither TZDB nor the Windows mapping knows (a custom zone).</summary>
    /// <param name="locale">The mailbox's locale ("en-CA"), whose region chooses among a Windows zone's IANA zones.</param>
    public static string? ToIana(string? name, string? locale)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        name = name.Trim();
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(name) is not null)
        {
            return Canonical(name);
        }

        var region = RegionOf(locale);
        var regional = region is null
            ? null
            : Windows.MapZones.FirstOrDefault(z => z.WindowsId == name && string.Equals(z.Territory, region, StringComparison.OrdinalIgnoreCase));
        if (regional is { TzdbIds.Count: > 0 })
        {
            return Canonical(regional.TzdbIds[0]);
        }

        return Windows.PrimaryMapping.TryGetValue(name, out var primary) ? Canonical(primary) : null;
    }

    /// <summary>TZDB's current name for a zone: CLDR keeps old ones ("Asia/Calcutta" for Asia/Kolkata).</summary>
    private static string Canonical(string id) => TzdbDateTimeZoneSource.Default.CanonicalIdMap.TryGetValue(id, out var canonical) ? canonical : id;

    private static string? RegionOf(string? locale)
    {
        var last = locale?.Split('-', '_').LastOrDefault();
        return last is { Length: 2 } && last != locale ? last : null;
    }
}
