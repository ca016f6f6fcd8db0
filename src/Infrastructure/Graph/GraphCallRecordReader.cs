using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Graph.Communications.CallRecords;
using Microsoft.Kiota.Abstractions;
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
        RequestInformation? request = callRecords.ToGetRequestInformation(
            request => request.QueryParameters.Filter = $"startDateTime ge {GraphTime(from)} and startDateTime lt {GraphTime(to)}");
        while (request is not null)
        {
            var page = await GraphPages.ReadAsync(client.RequestAdapter, request, GraphCallRecordJson.Default.GraphPageGraphCallRecord, graphClients.Clock, cancellationToken);
            if (page is null)
            {
                yield break;
            }

            var changed = (page.Value ?? [])
                .Where(r => changedAfter is null || r.LastModifiedDateTime is null || r.LastModifiedDateTime > changedAfter)
                .Select(r => r.Id)
                .OfType<string>()
                .Select(id => (id, callRecords[id].ToGetRequestInformation(request => request.QueryParameters.Expand = [SessionsExpansion])))
                .ToList();
            var records = await GraphBatch.GetAllAsync(client, changed, GraphCallRecordJson.Default.GraphCallRecord, graphClients.Clock, cancellationToken);
            var calls = new List<TeamsCall>();
            foreach (var (id, _) in changed)
            {
                if (records.GetValueOrDefault(id) is { } record)
                {
                    calls.Add(await CallOfAsync(client.RequestAdapter, callRecords, id, record, cancellationToken));
                }
            }

            yield return calls;
            request = page.NextLink is { } next ? callRecords.WithUrl(next).ToGetRequestInformation() : null;
        }
    }

    /// <summary>The record with all its sessions: those beyond the first page of the expansion are read one page at a time.</summary>
    private async Task<TeamsCall> CallOfAsync(
        IRequestAdapter adapter, CallRecordsRequestBuilder callRecords, string id, GraphCallRecord record, CancellationToken cancellationToken)
    {
        var sessions = new List<GraphCallSession>(record.Sessions ?? []);
        var more = record.SessionsNextLink;
        while (more is not null)
        {
            var page = await GraphPages.ReadAsync(
                adapter, callRecords[id].Sessions.WithUrl(more).ToGetRequestInformation(), GraphCallRecordJson.Default.GraphPageGraphCallSession, graphClients.Clock, cancellationToken);
            sessions.AddRange(page?.Value ?? []);
            more = page?.NextLink;
        }

        return new TeamsCall(
            id,
            record.Type is "groupCall" or "peerToPeer" ? record.Type : "unknown",
            [.. record.Modalities ?? []],
            record.StartDateTime ?? DateTimeOffset.MinValue,
            record.EndDateTime ?? record.StartDateTime ?? DateTimeOffset.MinValue,
            IdentityOf(record.Organizer),
            [.. (record.Participants ?? []).Concat((record.ParticipantsV2 ?? []).Select(p => p.Identity)).Select(IdentityOf).OfType<CallIdentity>()],
            [.. sessions.Select(s => new CallSession(
                IdentityOf(s.Caller?.Identity),
                IdentityOf(s.Callee?.Identity),
                s.StartDateTime ?? DateTimeOffset.MinValue,
                s.EndDateTime ?? DateTimeOffset.MinValue))]);
    }

    /// <summary>A directory user (with their organisation), else whoever else the set names (phone, guest, application).</summary>
    private static CallIdentity? IdentityOf(GraphIdentitySet? set)
    {
        if (set?.User is { } user)
        {
            return new CallIdentity(user.Id, user.DisplayName, user.TenantId);
        }

        var other = set?.Guest ?? set?.Phone ?? set?.AzureCommunicationServicesUser ?? set?.OnPremises ?? set?.Application ?? set?.Device;
        return other is null ? null : new CallIdentity(null, other.DisplayName ?? other.Id, null);
    }

    private static string GraphTime(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
