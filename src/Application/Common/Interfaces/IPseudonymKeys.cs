namespace WorkSights.Application.Common.Interfaces;

/// <summary>Each workspace's pseudonym secret: made at random, stored only encrypted, read back to key the pseudonyms.</summary>
public interface IPseudonymKeys
{
    /// <summary>A new random secret in the encrypted form a workspace stores.</summary>
    string NewProtectedKey();

    /// <summary>The secret a workspace stored as <paramref name="protectedKey"/>.</summary>
    byte[] Unprotect(string protectedKey);
}
