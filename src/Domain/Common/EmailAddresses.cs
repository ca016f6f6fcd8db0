namespace WorkSights.Domain.Common;

public static class EmailAddresses
{
    /// <summary>The lower-cased part after the last @, or empty when there is none.</summary>
    public static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? string.Empty : address[(at + 1)..].ToLowerInvariant();
    }
}
