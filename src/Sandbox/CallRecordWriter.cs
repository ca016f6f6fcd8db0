using System.Text.Json;

namespace WorkSights.Sandbox;

/// <summary>
/// Call records, sessions and participants in the shape of Microsoft's current reference: the deprecated identity properties
/// (<c>organizer</c>, <c>participants</c>, an endpoint's <c>identity</c>) and their replacements (<c>organizer_v2</c>,
/// <c>participants_v2</c>, <c>associatedIdentity</c>) as <see cref="SandboxCallRecordShape"/> says.
/// </summary>
internal static class CallRecordWriter
{
    /// <summary>The reference limits the deprecated <c>participants</c> to 130 entries.</summary>
    public const int DeprecatedParticipantsLimit = 130;

    public static bool HasCurrent(SandboxCallRecordShape shape) => shape != SandboxCallRecordShape.Deprecated;

    public static bool HasDeprecated(SandboxCallRecordShape shape) => shape != SandboxCallRecordShape.Current;

    /// <summary>What a listed record and a read record share; <c>organizer_v2</c> is expanded by default in both.</summary>
    public static void WriteRecordProperties(Utf8JsonWriter w, GenCall call, SandboxCallRecordShape shape, string baseUri)
    {
        w.WriteString("@odata.type", "#microsoft.graph.callRecords.callRecord");
        w.WriteString("id", call.Id);
        w.WriteNumber("version", 1);
        w.WriteString("type", call.IsGroup ? "groupCall" : "peerToPeer");
        w.WriteStartArray("modalities");
        foreach (var modality in call.Modalities)
        {
            w.WriteStringValue(modality);
        }

        w.WriteEndArray();
        w.WriteString("lastModifiedDateTime", GraphFeedGuard.Iso(call.PublishedAt));
        w.WriteString("startDateTime", GraphFeedGuard.Iso(call.Start));
        w.WriteString("endDateTime", GraphFeedGuard.Iso(call.End));
        w.WriteString("joinWebUrl", call.IsGroup ? $"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{call.Id}%40thread.v2/0" : null);
        if (HasDeprecated(shape))
        {
            w.WritePropertyName("organizer");
            WriteIdentitySet(w, call.Organizer);
            w.WriteStartArray("participants");
            foreach (var participant in call.Participants.Take(DeprecatedParticipantsLimit))
            {
                WriteIdentitySet(w, participant);
            }

            w.WriteEndArray();
        }

        if (HasCurrent(shape))
        {
            w.WriteString("organizer_v2@odata.context", $"{baseUri}v1.0/$metadata#communications/callRecords('{call.Id}')/organizer_v2/$entity");
            w.WritePropertyName("organizer_v2");
            WriteParticipant(w, call.Organizer);
        }
    }

    /// <summary>A participant (or the organizer): its id is the identity's, the identity a communicationsIdentitySet.</summary>
    public static void WriteParticipant(Utf8JsonWriter w, GenCallUser user)
    {
        w.WriteStartObject();
        w.WriteString("id", user.UserId);
        w.WritePropertyName("identity");
        WriteIdentitySet(w, user);
        w.WriteEndObject();
    }

    public static void WriteSession(Utf8JsonWriter w, GenCallSession session, bool segments, SandboxCallRecordShape shape)
    {
        w.WriteStartObject();
        w.WriteString("id", session.Id);
        w.WriteStartArray("modalities");
        w.WriteStringValue("audio");
        w.WriteEndArray();
        WriteSpan(w, session, shape);
        w.WriteBoolean("isTest", false);
        if (segments)
        {
            w.WriteStartArray("segments");
            w.WriteStartObject();
            w.WriteString("id", WorkGenerator.StableGuid(session.Id + ":segment"));
            WriteSpan(w, session, shape);
            w.WriteStartArray("media");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>What a session and its one segment share: times, failure and both endpoints.</summary>
    private static void WriteSpan(Utf8JsonWriter w, GenCallSession session, SandboxCallRecordShape shape)
    {
        w.WriteString("startDateTime", GraphFeedGuard.Iso(session.Start));
        w.WriteString("endDateTime", GraphFeedGuard.Iso(session.End));
        w.WriteNull("failureInfo");
        WriteEndpoint(w, "caller", session.Caller, shape);
        WriteEndpoint(w, "callee", session.Callee, shape);
    }

    /// <summary>A person's endpoint with their identity, or the meeting server's (no identity).</summary>
    private static void WriteEndpoint(Utf8JsonWriter w, string name, GenCallUser? user, SandboxCallRecordShape shape)
    {
        w.WriteStartObject(name);
        if (user is null)
        {
            w.WriteString("@odata.type", "#microsoft.graph.callRecords.serviceEndpoint");
            WriteUserAgent(w, "#microsoft.graph.callRecords.serviceUserAgent", ("role", "conferencing"));
        }
        else
        {
            w.WriteString("@odata.type", "#microsoft.graph.callRecords.participantEndpoint");
            w.WriteNull("name");
            if (HasCurrent(shape))
            {
                WriteAssociatedIdentity(w, user);
            }

            if (HasDeprecated(shape))
            {
                w.WritePropertyName("identity");
                WriteIdentitySet(w, user);
            }

            WriteUserAgent(w, "#microsoft.graph.callRecords.clientUserAgent", ("platform", user.IsPhone ? "unknown" : "windows"), ("productFamily", user.IsPhone ? "unknown" : "teams"));
        }

        w.WriteEndObject();
    }

    /// <summary>An endpoint's identity: a user's id, name, organisation and sign-in name; a phone's E.164 number alone.</summary>
    private static void WriteAssociatedIdentity(Utf8JsonWriter w, GenCallUser user)
    {
        w.WriteStartObject("associatedIdentity");
        w.WriteString("id", user.UserId);
        w.WriteString("displayName", user.DisplayName);
        if (!user.IsPhone)
        {
            w.WriteString("tenantId", user.TenantId);
            w.WriteString("userPrincipalName", user.UserPrincipalName);
        }

        w.WriteEndObject();
    }

    private static void WriteUserAgent(Utf8JsonWriter w, string type, params (string Name, string Value)[] properties)
    {
        w.WriteStartObject("userAgent");
        w.WriteString("@odata.type", type);
        foreach (var (name, value) in properties)
        {
            w.WriteString(name, value);
        }

        w.WriteNull("applicationVersion");
        w.WriteNull("headerValue");
        w.WriteEndObject();
    }

    /// <summary>An identity set naming a user, or (a phone that dialled in) a phone identity with <c>user: null</c>.</summary>
    private static void WriteIdentitySet(Utf8JsonWriter w, GenCallUser user)
    {
        w.WriteStartObject();
        w.WriteNull("application");
        w.WriteNull("applicationInstance");
        w.WriteNull("device");
        w.WriteNull("guest");
        w.WriteNull("encrypted");
        w.WriteNull("onPremises");
        if (user.IsPhone)
        {
            w.WriteNull("user");
            w.WriteStartObject("phone");
            w.WriteString("id", user.UserId);
            w.WriteNull("displayName");
            w.WriteNull("tenantId");
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("phone");
            w.WriteStartObject("user");
            w.WriteString("id", user.UserId);
            w.WriteString("displayName", user.DisplayName);
            w.WriteString("tenantId", user.TenantId);
            if (user.UserPrincipalName is not null)
            {
                w.WriteString("userPrincipalName", user.UserPrincipalName);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
