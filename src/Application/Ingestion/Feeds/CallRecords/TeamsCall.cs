namespace WorkSights.Application.Ingestion.Feeds.CallRecords;

/// <summary>The metadata of one Teams call record with its sessions; calls carry no content.</summary>
/// <param name="Type">groupCall, peerToPeer or unknown.</param>
/// <param name="Modalities">audio, video, videoBasedScreenSharing, data, screenSharing.</param>
public sealed record TeamsCall(
    string Id,
    string Type,
    IReadOnlyList<string> Modalities,
    DateTimeOffset Start,
    DateTimeOffset End,
    CallIdentity? Organizer,
    IReadOnlyList<CallIdentity> Participants,
    IReadOnlyList<CallSession> Sessions)
{
    public bool IsGroupCall => string.Equals(Type, "groupCall", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Who took part: a user of some organisation (directory id and tenant), or an identity without a user (phone, anonymous guest).</summary>
public sealed record CallIdentity(string? UserId, string? DisplayName, string? TenantId);

/// <summary>One leg of a call between two endpoints; a service endpoint (the meeting server) has no identity.</summary>
public sealed record CallSession(CallIdentity? Caller, CallIdentity? Callee, DateTimeOffset Start, DateTimeOffset End);
