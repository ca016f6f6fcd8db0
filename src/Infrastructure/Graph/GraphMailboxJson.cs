using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkSights.Infrastructure.Graph;

/// <summary>The fields of a sent message WorkSights keeps; a delta item that left the set carries <c>@removed</c> (and little else).</summary>
internal sealed record GraphMessage(
    string? Id,
    [property: JsonPropertyName("@removed")] JsonElement? Removed,
    string? Subject,
    DateTimeOffset? SentDateTime,
    DateTimeOffset? CreatedDateTime,
    List<GraphRecipient>? ToRecipients,
    List<GraphRecipient>? CcRecipients,
    List<GraphRecipient>? BccRecipients,
    bool? IsDraft);

internal sealed record GraphEvent(
    string? Id,
    [property: JsonPropertyName("@removed")] JsonElement? Removed,
    string? Subject,
    GraphDateTimeZone? Start,
    GraphDateTimeZone? End,
    bool? IsAllDay,
    bool? IsCancelled,
    bool? IsOrganizer,
    GraphRecipient? Organizer,
    List<GraphAttendee>? Attendees,
    GraphResponseStatus? ResponseStatus);

internal sealed record GraphRecipient(GraphEmailAddress? EmailAddress);

internal sealed record GraphEmailAddress(string? Address);

internal sealed record GraphAttendee(string? Type, GraphResponseStatus? Status, GraphEmailAddress? EmailAddress);

internal sealed record GraphResponseStatus(string? Response);

internal sealed record GraphDateTimeZone(string? DateTime, string? TimeZone);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GraphPage<GraphMessage>))]
[JsonSerializable(typeof(GraphPage<GraphEvent>))]
internal sealed partial class GraphMailboxJson : JsonSerializerContext;
