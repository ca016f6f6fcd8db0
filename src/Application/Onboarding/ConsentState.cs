using System.Security.Cryptography;
using System.Text;

namespace WorkSights.Application.Onboarding;

/// <summary>The unguessable state value of an admin-consent trip, and the hash under which it is remembered.</summary>
internal static class ConsentState
{
    public static string NewValue() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
