namespace WorkSights.Sandbox;

/// <summary>Someone in a call a test places: a directory user of some organisation, or a phone number that dialled in.</summary>
public sealed record SandboxCallParty(string Id, string? DisplayName, string? TenantId, string? UserPrincipalName, bool IsPhone)
{
    public static SandboxCallParty User(string id, string displayName, string tenantId, string? userPrincipalName = null) =>
        new(id, displayName, tenantId, userPrincipalName, false);

    /// <param name="number">E.164, e.g. <c>+14255550123</c>.</param>
    public static SandboxCallParty Phone(string number) => new(number, null, null, null, true);
}

/// <summary>One leg of a placed call; a null callee is the meeting server (a group call).</summary>
public sealed record SandboxCallSession(SandboxCallParty Caller, SandboxCallParty? Callee, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// A call a test places in a tenant beside the generated ones (<see cref="SandboxServer.PlaceCall"/>): its record starts at the
/// first session's start, ends at the last session's end, and is listed from <paramref name="PublishedAt"/>.
/// </summary>
public sealed record SandboxPlacedCall(
    string Id,
    SandboxCallParty Organizer,
    IReadOnlyList<SandboxCallParty> Participants,
    IReadOnlyList<SandboxCallSession> Sessions,
    DateTimeOffset PublishedAt);
