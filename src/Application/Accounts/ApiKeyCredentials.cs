using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace WorkSights.Application.Accounts;

/// <summary>
/// The credentials of an API key: a public client id and a 256-bit random secret. Only the secret's SHA-256 is stored: a
/// secret of that entropy cannot be guessed from its hash, so no slow password hash is needed, and a check costs one hash.
/// </summary>
public static class ApiKeyCredentials
{
    public const string ClientIdPrefix = "wsk_";

    public const string SecretPrefix = "wss_";

    public static string NewClientId() => ClientIdPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    public static string NewSecret() => SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>SHA-256 of the secret, in lower-case hex, as the key keeps it.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether <paramref name="secret"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string secret, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(storedHash);
        if (storedHash.Length != 64 || !storedHash.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), Convert.FromHexString(storedHash));
    }
}
