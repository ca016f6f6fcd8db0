namespace WorkSights.Application.Ingestion;

/// <summary>The metadata of one sent message; never its body.</summary>
public sealed record SentMail(string Id, DateTimeOffset SentAt, string? Subject, IReadOnlyList<string> RecipientAddresses, bool IsDraft);

/// <summary>The metadata of one calendar entry of a mailbox; never its body.</summary>
public sealed record CalendarEntry(
    string Id,
    string? Subject,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsAllDay,
    bool IsCancelled,
    string? OrganizerAddress,
    IReadOnlyList<EventAttendee> Attendees,
    string? OwnResponse);

/// <param name="Type">required, optional or resource.</param>
/// <param name="Response">none, organizer, tentativelyAccepted, accepted, declined or notResponded.</param>
public sealed record EventAttendee(string Address, string Type, string Response);

/// <summary>A page of a source: items added or changed, ids removed, and the link to continue from.</summary>
/// <param name="NextLink">Set while the round has more pages.</param>
/// <param name="DeltaLink">Set on the last page of a round.</param>
public sealed record SourcePage<T>(IReadOnlyList<T> Items, IReadOnlyList<string> RemovedIds, string? NextLink, string? DeltaLink);
