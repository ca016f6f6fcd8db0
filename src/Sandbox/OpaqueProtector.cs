using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace WorkSights.Sandbox;

/// <summary>HMAC-protected opaque strings (delta tokens, skip tokens, nextPage, session cookies). The key is kept in the
/// data directory when there is one (see <see cref="SandboxStateFile"/>), so that tokens survive a restart.</summary>
internal sealed class OpaqueProtector
{
    public const int KeyLength = 32;

    private readonly byte[] key;

    /// <summary>A protector with a new random key.</summary>
    public OpaqueProtector()
        : this(RandomNumberGenerator.GetBytes(KeyLength))
    {
    }

    /// <summary>A protector with a key kept from an earlier run.</summary>
    public OpaqueProtector(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNotEqual(key.Length, KeyLength, nameof(key));
        this.key = [.. key];
    }

    /// <summary>A copy of the key, for the state file.</summary>
    public byte[] ExportKey() => [.. key];

    public string Protect<T>(T payload)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        var mac = HMACSHA256.HashData(key, body);
        return Base64UrlEncoder.Encode(body) + "." + Base64UrlEncoder.Encode(mac);
    }

    public T? Unprotect<T>(string? value)
        where T : class
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }

        try
        {
            var body = Base64UrlEncoder.DecodeBytes(value[..dot]);
            var mac = Base64UrlEncoder.DecodeBytes(value[(dot + 1)..]);
            if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, body)))
            {
                return null;
            }

            return JsonSerializer.Deserialize<T>(body);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    public static string RandomToken(int bytes = 32) => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(bytes));

    public static string Sha256Base64Url(string value) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(value)));
}
