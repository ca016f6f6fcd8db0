using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace WorkSights.Sandbox;

/// <summary>HMAC-protected opaque strings (delta tokens, skip tokens, session cookies). Key is per server instance.</summary>
internal sealed class OpaqueProtector
{
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

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
