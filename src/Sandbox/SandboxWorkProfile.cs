namespace WorkSights.Sandbox;

/// <summary>Where and when a seeded person works: the IANA time zone and coordinates of their office city.
/// Positional members are stable; later issues add home/travel locations and sign-ins as further init-only members.</summary>
public sealed record SandboxWorkProfile(string UserId, string TimeZoneId, string OfficeCity, string CountryCode, double Latitude, double Longitude)
{
    /// <summary>False for the few ordinary people who have no mail or calendar activity at all.</summary>
    public bool HasActivity { get; init; } = true;

    /// <summary>Usual local start of the working day (minutes after midnight) before per-day variation.</summary>
    public int UsualStartMinutes { get; init; }

    /// <summary>The mailbox's time zone as Outlook reports it in <c>mailboxSettings</c>: the Windows name of
    /// <see cref="TimeZoneId"/> for most people, the IANA name itself for the others (an administrator's choice, and
    /// Microsoft returns both).</summary>
    public string MailboxTimeZone { get; init; } = string.Empty;

    /// <summary>Outlook's working hours: end of the working day in minutes after midnight (start is <see cref="UsualStartMinutes"/>).</summary>
    public int WorkingHoursEndMinutes => UsualStartMinutes + SandboxMailboxSettings.WorkingHoursLength;
}

/// <summary>Deterministic SplitMix64 generator seeded from a string key.</summary>
internal sealed class WorkRng
{
    private ulong state;

    public WorkRng(string key) => state = Hash(key);

    public static ulong Hash(string key)
    {
        // FNV-1a 64 then one SplitMix round: fast, stable across runs and platforms.
        var h = 14695981039346656037UL;
        foreach (var c in key)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return Mix(h);
    }

    public static double Unit(string key) => (Hash(key) >> 11) * (1.0 / (1UL << 53));

    public ulong NextULong()
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : (int)(NextULong() % (ulong)maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>Office cities: IANA zone and coordinates.</summary>
internal static class WorkCities
{
    private static readonly Dictionary<string, (string Zone, string Country, double Lat, double Lon)> Cities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Seattle"] = ("America/Los_Angeles", "US", 47.6062, -122.3321),
        ["Redmond"] = ("America/Los_Angeles", "US", 47.6740, -122.1215),
        ["Portland"] = ("America/Los_Angeles", "US", 45.5152, -122.6784),
        ["New York"] = ("America/New_York", "US", 40.7128, -74.0060),
        ["Chicago"] = ("America/Chicago", "US", 41.8781, -87.6298),
        ["Toronto"] = ("America/Toronto", "CA", 43.6532, -79.3832),
        ["Vancouver"] = ("America/Vancouver", "CA", 49.2827, -123.1207),
        ["London"] = ("Europe/London", "GB", 51.5074, -0.1278),
        ["Berlin"] = ("Europe/Berlin", "DE", 52.5200, 13.4050),
        ["Bangalore"] = ("Asia/Kolkata", "IN", 12.9716, 77.5946),
        ["Sydney"] = ("Australia/Sydney", "AU", -33.8688, 151.2093),
    };

    public static (string Zone, string Country, double Lat, double Lon) Of(string? city) =>
        city is not null && Cities.TryGetValue(city, out var c) ? c : ("America/Los_Angeles", "US", 47.6062, -122.3321);
}
