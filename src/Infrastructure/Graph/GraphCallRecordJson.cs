using System.Text.Json.Serialization;

namespace WorkSights.Infrastructure.Graph;

/// <summary>The fields of a call record WorkSights keeps, read with System.Text.Json (see <see cref="GraphPages"/>).</summary>
internal sealed record GraphCallRecord(
    string? Id,
    string? Type,
    List<string>? Modalities,
    DateTimeOffset? StartDateTime,
    DateTimeOffset? EndDateTime,
    DateTimeOffset? LastModifiedDateTime,
    GraphIdentitySet? Organizer,
    List<GraphIdentitySet>? Participants,
    [property: JsonPropertyName("participants_v2")] List<GraphCallParticipant>? ParticipantsV2,
    List<GraphCallSession>? Sessions,
    [property: JsonPropertyName("sessions@odata.nextLink")] string? SessionsNextLink);

internal sealed record GraphCallParticipant(GraphIdentitySet? Identity);

/// <summary>A leg between two endpoints; only a participant endpoint names someone, a service endpoint has no identity.</summary>
internal sealed record GraphCallSession(GraphCallEndpoint? Caller, GraphCallEndpoint? Callee, DateTimeOffset? StartDateTime, DateTimeOffset? EndDateTime);

internal sealed record GraphCallEndpoint(GraphIdentitySet? Identity);

internal sealed record GraphIdentitySet(
    GraphCallIdentity? User,
    GraphCallIdentity? Guest,
    GraphCallIdentity? Phone,
    GraphCallIdentity? AzureCommunicationServicesUser,
    GraphCallIdentity? OnPremises,
    GraphCallIdentity? Application,
    GraphCallIdentity? Device);

internal sealed record GraphCallIdentity(string? Id, string? DisplayName, string? TenantId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GraphCallRecord))]
[JsonSerializable(typeof(GraphPage<GraphCallRecord>))]
[JsonSerializable(typeof(GraphPage<GraphCallSession>))]
internal sealed partial class GraphCallRecordJson : JsonSerializerContext;
