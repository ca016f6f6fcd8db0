using System.Globalization;

namespace WorkSights.Infrastructure.Http;

/// <summary>
/// The one reading of Retry-After for every Microsoft API WorkSights calls (Graph, its batch items, the Management
/// Activity API). Whole or fractional seconds (Graph sends "0.249" in batches, which the typed HTTP header rejects, so
/// a client using it would retry sooner than asked) or an HTTP date measured on the application's clock; rounded up to
/// whole seconds and never shorter than one, so a retry never comes early.
/// </summary>
internal static class RetryAfterHeader
{
    public const string Name = "Retry-After";

    /// <summary>A wait beyond this is read as this, so a parked time computed from it stays a date.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>The wait the value asks for; null when it says nothing usable.</summary>
    public static TimeSpan? Parse(string? value, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return double.IsFinite(seconds) ? WholeSeconds(seconds) : null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? WholeSeconds((at - clock.GetUtcNow()).TotalSeconds)
            : null;
    }

    /// <summary>The wait a response asks for, read without the typed header's validation.</summary>
    public static TimeSpan? Of(HttpResponseMessage response, TimeProvider clock) =>
        Parse(response.Headers.NonValidated.TryGetValues(Name, out var values) ? values.FirstOrDefault() : null, clock);

    /// <summary>The wait asked for in a header collection keyed by name, such as a Graph batch item's or an SDK exception's.</summary>
    public static TimeSpan? Of(IDictionary<string, IEnumerable<string>>? headers, TimeProvider clock) =>
        Parse(headers?.FirstOrDefault(h => string.Equals(h.Key, Name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault(), clock);

    private static TimeSpan WholeSeconds(double seconds) =>
        TimeSpan.FromSeconds(Math.Clamp(Math.Ceiling(seconds), 1, Longest.TotalSeconds));
}
