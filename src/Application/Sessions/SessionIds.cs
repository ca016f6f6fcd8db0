using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace WorkSights.Application.Sessions;

/// <summary>Session ids: 256 random bits for the cookie; only their SHA-256 is stored.</summary>
public static class SessionIds
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string sessionId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sessionId)));
}
