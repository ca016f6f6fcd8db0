using System.Security.Cryptography;

namespace WorkSights.Domain.Privacy;

/// <summary>
/// A person's stable pseudonym in one workspace: a keyed HMAC-SHA256 of their WorkSights id under the workspace's own
/// secret, never a hash of anything a reader could guess (an e-mail address). The same person reads the same on every
/// page and in every export; without the secret, two workspaces' pseudonyms cannot be linked.
/// </summary>
public static class Pseudonym
{
    public const int KeyLength = 32;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford's base 32: no I, L, O or U to misread

    /// <summary>"Person 7K3M-9QXA": 40 bits of the HMAC, so two of 10,000 people collide with a chance of about 1 in 20,000.</summary>
    public static string Of(ReadOnlySpan<byte> key, Guid personId)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"A pseudonym key has {KeyLength} bytes.", nameof(key));
        }

        Span<byte> id = stackalloc byte[16];
        personId.TryWriteBytes(id);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, id, mac);

        var bits = ((ulong)mac[0] << 32) | ((ulong)mac[1] << 24) | ((ulong)mac[2] << 16) | ((ulong)mac[3] << 8) | mac[4];
        Span<char> code = stackalloc char[9];
        for (var i = 8; i >= 0; i--)
        {
            if (i == 4)
            {
                code[i] = '-';
                continue;
            }

            code[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return string.Concat("Person ", code);
    }
}
