using WorkSights.Application.Ingestion.Feeds.CallRecords;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// Who a call record names, from <c>organizer_v2</c> and <c>participants_v2</c>, or from the deprecated <c>organizer</c> and
/// <c>participants</c> where the new ones name nobody; each person once. An endpoint's <c>associatedIdentity</c> (or its
/// deprecated <c>identity</c>) is matched to the participant with its id, so a phone stays a phone and not a user.
/// </summary>
internal sealed class CallPeople
{
    private readonly Dictionary<string, CallIdentity> byId = new(StringComparer.OrdinalIgnoreCase);

    public CallPeople(GraphCallParticipant? organizerV2, IEnumerable<GraphCallParticipant> participantsV2, GraphIdentitySet? organizer, IEnumerable<GraphIdentitySet>? participants)
    {
        Organizer = Register(organizerV2?.Id, organizerV2?.Identity) ?? Register(null, organizer);
        var current = participantsV2.Select(p => Register(p.Id, p.Identity)).OfType<CallIdentity>().ToList();
        var named = current.Count > 0 ? current : (participants ?? []).Select(p => Register(null, p)).OfType<CallIdentity>().ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Participants = [.. named.Where(p => seen.Add(KeyOf(p)))];
    }

    public CallIdentity? Organizer { get; }

    public IReadOnlyList<CallIdentity> Participants { get; }

    /// <summary>The person at an endpoint: its associated identity, else its deprecated identity set; null for a service endpoint.</summary>
    public CallIdentity? Of(GraphCallEndpoint? endpoint)
    {
        if (endpoint?.AssociatedIdentity is { Id: { Length: > 0 } id } associated)
        {
            if (byId.TryGetValue(id, out var known))
            {
                return known;
            }

            // Not among the participants read (a page not followed): a user carries an organisation or sign-in name, a phone an E.164 number.
            return associated.TenantId is null && associated.UserPrincipalName is null && id.StartsWith('+')
                ? new CallIdentity(null, associated.DisplayName ?? id, null)
                : new CallIdentity(id, associated.DisplayName, associated.TenantId);
        }

        return IdentityOf(endpoint?.Identity);
    }

    /// <summary>The identity a participant names, remembered under its own id and under the participant's.</summary>
    private CallIdentity? Register(string? participantId, GraphIdentitySet? set)
    {
        var identity = IdentityOf(set);
        if (identity is not null)
        {
            var inner = set?.User?.Id ?? set?.Guest?.Id ?? set?.Phone?.Id ?? set?.AzureCommunicationServicesUser?.Id ?? set?.OnPremises?.Id ?? set?.Application?.Id ?? set?.Device?.Id;
            foreach (var id in new[] { inner, participantId }.OfType<string>().Where(i => i.Length > 0))
            {
                byId.TryAdd(id, identity);
            }
        }

        return identity;
    }

    /// <summary>A directory user (with their organisation), else whoever else the set names (phone, guest, application).</summary>
    private static CallIdentity? IdentityOf(GraphIdentitySet? set)
    {
        if (set?.User is { Id: { Length: > 0 } } user)
        {
            return new CallIdentity(user.Id, user.DisplayName, user.TenantId);
        }

        var other = set?.Guest ?? set?.Phone ?? set?.AzureCommunicationServicesUser ?? set?.OnPremises ?? set?.Application ?? set?.Device;
        return (other?.DisplayName ?? other?.Id) is { Length: > 0 } name ? new CallIdentity(null, name, null) : null;
    }

    private static string KeyOf(CallIdentity identity) => identity.UserId ?? "name:" + identity.DisplayName;
}
