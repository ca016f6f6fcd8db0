using System.Globalization;
using System.Text;

namespace WorkSights.Web.Infrastructure;

/// <summary>Caller-supplied text made safe for a log line: control characters (CR, LF among them) encoded, and clipped.</summary>
internal static class LogText
{
    public const int MaximumLength = 64;

    public static string Encode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var c in value.Length > MaximumLength ? value[..MaximumLength] : value)
        {
            text.Append(char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c);
        }

        return value.Length > MaximumLength ? text.Append('…').ToString() : text.ToString();
    }
}
