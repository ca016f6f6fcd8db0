using System.Text.Json.Serialization;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// The fields of a call record WorkSights keeps, read with System.Text.Json (see <see cref="GraphPages"/>). Microsoft deprecated
/// <c>organizer</c>, <c>participants</c> and an endpoint's <c>identity</c> (no data after 30 June 2026) for <c>organizer_v2</c>,
/// <c>participants_v2</c> and <c>associatedIdentity</c>; both are read, the deprecated ones only where the new are missing.
/// </summary>
internal sealed record GraphCallRecord(
    string? Id,
    string? Type,
    List<string>? Modalities,
    DateTimeOffset? StartDateTime,
    DateTimeOffset? EndDateTime,
    DateTimeOffset? LastModifiedDateTime,
    GraphIdentitySet? Organizer,
    List<GraphIdentitySet>? Participants,
    [property: JsonPropertyName("organizer_v2")] GraphCallParticipant? OrganizerV2,
    [property: JsonPropertyName("participants_v2")] List<GraphCallParticipant>? ParticipantsV2,
    [property: JsonPropertyName("participants_v2@odata.nextLink")] string? ParticipantsV2NextLink,
    List<GraphCallSession>? Sessions,
    [property: JsonPropertyName("sessions@odata.nextLink")] string? SessionsNextLink);

/// <summary>A participant or the organizer: its id is its identity's (a user's object id, a phone's E.164 number).</summary>
internal sealed record GraphCallParticipant(string? Id, GraphIdentitySet? Identity);

/// <summary>A leg between two endpoints; only a participant endpoint names someone, a service endpoint has no identity.</summary>
internal sealed record GraphCallSession(GraphCallEndpoint? Caller, GraphCallEndpoint? Callee, DateTimeOffset? StartDateTime, DateTimeOffset? EndDateTime);

internal sealed record GraphCallEndpoint(GraphCallIdentity? AssociatedIdentity, GraphIdentitySet? Identity);

internal sealed record GraphIdentitySet(
    GraphCallIdentity? User,
    GraphCallIdentity? Guest,
    GraphCallIdentity? Phone,
    GraphCallIdentity? AzureCommunicationServicesUser,
    GraphCallIdentity? OnPremises,
    GraphCallIdentity? Application,
    GraphCallIdentity? Device);

/// <summary>An identity; a user's also names its organisation and (on an endpoint) its sign-in name.</summary>
internal sealed record GraphCallIdentity(string? Id, string? DisplayName, string? TenantId, string? UserPrincipalName);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GraphCallRecord))]
[JsonSerializable(typeof(GraphPage<GraphCallRecord>))]
[JsonSerializable(typeof(GraphPage<GraphCallSession>))]
[JsonSerializable(typeof(GraphPage<GraphCallParticipant>))]
internal sealed partial class GraphCallRecordJson : JsonSerializerContext;
