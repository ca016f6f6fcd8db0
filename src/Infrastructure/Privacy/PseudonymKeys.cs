using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Privacy;

namespace WorkSights.Infrastructure.Privacy;

/// <summary>
/// Pseudonym secrets encrypted with the app's data-protection keys (kept in the data folder's <c>keys</c>, or wherever a
/// deployment points them): a copy of the database alone cannot recompute anyone's pseudonym.
/// </summary>
public sealed class PseudonymKeys(IDataProtectionProvider protection) : IPseudonymKeys
{
    private readonly IDataProtector protector = protection.CreateProtector("WorkSights.Privacy.PseudonymKey.v1");
    private readonly ConcurrentDictionary<string, byte[]> unprotected = new(StringComparer.Ordinal);

    public string NewProtectedKey() => Convert.ToBase64String(protector.Protect(RandomNumberGenerator.GetBytes(Pseudonym.KeyLength)));

    public byte[] Unprotect(string protectedKey) =>
        unprotected.GetOrAdd(protectedKey, stored => protector.Unprotect(Convert.FromBase64String(stored)));
}
