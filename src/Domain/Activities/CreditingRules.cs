using WorkSights.Domain.Common;

namespace WorkSights.Domain.Activities;

/// <summary>The default time each kind of item is credited with (PRODUCT.md, "The Score"); a workspace may tune them later.</summary>
public static class CreditingRules
{
    public static readonly TimeSpan SentEmail = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan CalendarResponse = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan ChatMessage = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan FileAction = TimeSpan.FromMinutes(3);
    public static readonly TimeSpan SignIn = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A calendar entry is a meeting when at least one other relevant participant is in it (someone who did not decline,
    /// and not a room or resource); otherwise it is a calendar block: shown, not scored.
    /// </summary>
    public static ActivityKind KindOfCalendarEntry(int otherRelevantParticipants) =>
        otherRelevantParticipants > 0 ? ActivityKind.Meeting : ActivityKind.CalendarBlock;

    /// <summary>Internal when every participant's address belongs to one of the workspace's domains.</summary>
    public static bool IsExternal(IEnumerable<string> participantAddresses, IReadOnlySet<string> workspaceDomains) =>
        participantAddresses.Any(address => !IsWorkspaceDomain(EmailAddresses.DomainOf(address), workspaceDomains));

    /// <summary>Domains compare without case, whatever comparer the caller's set uses.</summary>
    private static bool IsWorkspaceDomain(string domain, IReadOnlySet<string> workspaceDomains) =>
        domain.Length > 0
        && (workspaceDomains.Contains(domain) || workspaceDomains.Any(d => string.Equals(d, domain, StringComparison.OrdinalIgnoreCase)));
}
