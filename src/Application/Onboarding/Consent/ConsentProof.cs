namespace WorkSights.Application.Onboarding.Consent;

public enum ConsentProofStatus
{
    /// <summary>Every application permission WorkSights needs is granted.</summary>
    Granted = 1,

    /// <summary>Some are granted, some are missing.</summary>
    Partial = 2,

    /// <summary>None is granted: no consent, a revoked one, or the app removed from the organisation.</summary>
    NotGranted = 3,
}

/// <summary>A permission WorkSights needs, in the provider's name and in the words of what it lets WorkSights read.</summary>
public sealed record RequiredPermission(string Name, string Purpose);

/// <summary>What the provider itself says about an organisation's consent, read from a freshly issued app-only token.</summary>
public sealed record ConsentProof(ConsentProofStatus Status, IReadOnlyList<RequiredPermission> Missing)
{
    public static ConsentProof From(IReadOnlyList<RequiredPermission> required, IReadOnlyList<RequiredPermission> missing) => new(
        missing.Count == 0 ? ConsentProofStatus.Granted : missing.Count == required.Count ? ConsentProofStatus.NotGranted : ConsentProofStatus.Partial,
        missing);

    /// <summary>"read all users' profiles (User.Read.All) and read call records (CallRecords.Read.All)".</summary>
    public string DescribeMissing() =>
        Missing.Count switch
        {
            0 => string.Empty,
            1 => Describe(Missing[0]),
            _ => string.Join(", ", Missing.Take(Missing.Count - 1).Select(Describe)) + " and " + Describe(Missing[^1]),
        };

    private static string Describe(RequiredPermission permission) => $"{permission.Purpose} ({permission.Name})";
}
