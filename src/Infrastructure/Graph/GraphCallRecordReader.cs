using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Graph.Communications.CallRecords;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.CallRecords;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion.Feeds.CallRecords;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// Lists call records by start time through Graph, then reads each new or changed one with its sessions: the list never
/// includes sessions, and only a single record can expand them. Those reads go in JSON batches of 20.
/// </summary>
public sealed class GraphCallRecordReader(GraphClientFactory graphClients) : ICallRecordReader
{
    /// <summary>The expansion the reference documents for a record's sessions (segments are media legs: no content).</summary>
    public const string SessionsExpansion = "sessions($expand=segments)";

    public async IAsyncEnumerable<IReadOnlyList<TeamsCall>> ReadCallsAsync(
        string externalTenantId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset? changedAfter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = graphClients.ForTenant(externalTenantId);
        var callRecords = client.Communications.CallRecords;
        var page = await GraphCalls.CallAsync(() => callRecords.GetAsync(
            request => request.QueryParameters.Filter = $"startDateTime ge {GraphTime(from)} and startDateTime lt {GraphTime(to)}",
            cancellationToken));
        while (page is not null)
        {
            var changed = (page.Value ?? [])
                .Where(r => changedAfter is null || r.LastModifiedDateTime is null || r.LastModifiedDateTime > changedAfter)
                .Select(r => r.Id)
                .OfType<string>()
                .Select(id => (id, callRecords[id].ToGetRequestInformation(request => request.QueryParameters.Expand = [SessionsExpansion])))
                .ToList();
            var records = await GraphBatch.GetAllAsync<CallRecord>(client, changed, graphClients.Clock, cancellationToken);
            var calls = new List<TeamsCall>();
            foreach (var (id, _) in changed)
            {
                if (records.GetValueOrDefault(id) is { } record)
                {
                    calls.Add(await CallOfAsync(callRecords, id, record, cancellationToken));
                }
            }

            yield return calls;
            page = page.OdataNextLink is { } next
                ? await GraphCalls.CallAsync(() => callRecords.WithUrl(next).GetAsync(cancellationToken: cancellationToken))
                : null;
        }
    }

    /// <summary>The record with all its sessions: those beyond the first page of the expansion are read one page at a time.</summary>
    private static async Task<TeamsCall> CallOfAsync(CallRecordsRequestBuilder callRecords, string id, CallRecord record, CancellationToken cancellationToken)
    {
        var sessions = new List<Session>(record.Sessions ?? []);
        var more = NextSessionsLink(record.AdditionalData);
        while (more is not null)
        {
            var page = await GraphCalls.CallAsync(() => callRecords[id].Sessions.WithUrl(more).GetAsync(cancellationToken: cancellationToken));
            sessions.AddRange(page?.Value ?? []);
            more = page?.OdataNextLink;
        }

        return new TeamsCall(
            id,
            record.Type switch
            {
                CallType.GroupCall => "groupCall",
                CallType.PeerToPeer => "peerToPeer",
                _ => "unknown",
            },
            [.. (record.Modalities ?? []).OfType<Microsoft.Graph.Models.CallRecords.Modality>().Select(m => Camel(m))],
            record.StartDateTime ?? DateTimeOffset.MinValue,
            record.EndDateTime ?? record.StartDateTime ?? DateTimeOffset.MinValue,
            IdentityOf(record.Organizer),
            [.. (record.Participants ?? []).Concat((record.ParticipantsV2 ?? []).Select(p => p.Identity)).Select(IdentityOf).OfType<CallIdentity>()],
            [.. sessions.Select(s => new CallSession(
                IdentityOf((s.Caller as ParticipantEndpoint)?.Identity),
                IdentityOf((s.Callee as ParticipantEndpoint)?.Identity),
                s.StartDateTime ?? DateTimeOffset.MinValue,
                s.EndDateTime ?? DateTimeOffset.MinValue))]);
    }

    private static string? NextSessionsLink(IDictionary<string, object>? data) =>
        data?.TryGetValue("sessions@odata.nextLink", out var link) == true ? link?.ToString() : null;

    /// <summary>A directory user (with their organisation), else whoever else the set names (phone, guest, application).</summary>
    private static CallIdentity? IdentityOf(IdentitySet? set)
    {
        if (set?.User is { } user)
        {
            var tenant = (user as CommunicationsUserIdentity)?.TenantId
                ?? (user.AdditionalData?.TryGetValue("tenantId", out var value) == true ? value?.ToString() : null);
            return new CallIdentity(user.Id, user.DisplayName, tenant);
        }

        var other = set is CommunicationsIdentitySet communications
            ? communications.Guest ?? communications.Phone ?? communications.AzureCommunicationServicesUser ?? communications.OnPremises ?? set.Application ?? set.Device
            : set?.Application ?? set?.Device;
        return other is null ? null : new CallIdentity(null, other.DisplayName ?? other.Id, null);
    }

    /// <summary>Graph's own spelling of an enum member (audio, screenSharing), not the SDK's.</summary>
    private static string Camel(Enum value)
    {
        var name = value.ToString();
        return name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string GraphTime(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
