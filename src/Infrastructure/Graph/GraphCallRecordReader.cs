using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Graph.Communications.CallRecords;
using Microsoft.Kiota.Abstractions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion.Feeds.CallRecords;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// Lists call records by start time through Graph, then reads each new or changed one with its participants and sessions:
/// the list includes neither, and only a single record can expand them. Those reads go in JSON batches of 20; participants
/// beyond the first 130 and sessions beyond the first 60 are read a page at a time.
/// </summary>
public sealed partial class GraphCallRecordReader(GraphClientFactory graphClients, ILogger<GraphCallRecordReader>? logger = null) : ICallRecordReader
{
    /// <summary>The expansions the reference documents for a record's participants and its sessions (segments are media legs: no content).</summary>
    public const string RecordExpansion = "participants_v2,sessions($expand=segments)";

    private readonly ILogger log = logger ?? NullLogger<GraphCallRecordReader>.Instance;

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

            var listed = page.Value ?? [];
            var unnamed = listed.Count(r => string.IsNullOrWhiteSpace(r.Id));
            if (unnamed > 0)
            {
                LogRecordsWithoutId(log, unnamed);
            }

            var changed = listed
                .Where(r => changedAfter is null || r.LastModifiedDateTime is null || r.LastModifiedDateTime > changedAfter)
                .Select(r => r.Id)
                .Where(id => !string.IsNullOrWhiteSpace(id))
                .Select(id => (id!, callRecords[id!].ToGetRequestInformation(request => request.QueryParameters.Expand = ["participants_v2", "sessions($expand=segments)"])))
                .ToList();
            var records = await GraphBatch.GetAllAsync(client, changed, GraphCallRecordJson.Default.GraphCallRecord, graphClients.Clock, cancellationToken);
            var calls = new List<TeamsCall>();
            foreach (var (id, _) in changed)
            {
                if (records.GetValueOrDefault(id) is { } record && await CallOfAsync(client.RequestAdapter, callRecords, id, record, cancellationToken) is { } call)
                {
                    calls.Add(call);
                }
            }

            yield return calls;
            request = page.NextLink is { } next ? callRecords.WithUrl(next).ToGetRequestInformation() : null;
        }
    }

    /// <summary>
    /// The record with all its participants and sessions, or null when it has no start or end. A continuation that is no Graph
    /// URL ends that collection where it stands: the record is kept with what was read.
    /// </summary>
    private async Task<TeamsCall?> CallOfAsync(
        IRequestAdapter adapter, CallRecordsRequestBuilder callRecords, string id, GraphCallRecord record, CancellationToken cancellationToken)
    {
        if (record.StartDateTime is null || record.EndDateTime is null)
        {
            return ToCall(id, record, [], [], log);
        }

        var participantsV2 = await ReadAllAsync(
            adapter, id, "participants_v2", record.ParticipantsV2, record.ParticipantsV2NextLink,
            link => callRecords[id].Participants_v2.WithUrl(link).ToGetRequestInformation(), GraphCallRecordJson.Default.GraphPageGraphCallParticipant, cancellationToken);
        var sessions = await ReadAllAsync(
            adapter, id, "sessions", record.Sessions, record.SessionsNextLink,
            link => callRecords[id].Sessions.WithUrl(link).ToGetRequestInformation(), GraphCallRecordJson.Default.GraphPageGraphCallSession, cancellationToken);
        return ToCall(id, record, participantsV2, sessions, log);
    }

    /// <summary>The call a record describes with all its participants and sessions read, or null when it has no start or end.</summary>
    internal static TeamsCall? ToCall(string id, GraphCallRecord record, IReadOnlyList<GraphCallParticipant> participantsV2, IReadOnlyList<GraphCallSession> sessions, ILogger log)
    {
        if (record.StartDateTime is not { } start || record.EndDateTime is not { } end)
        {
            LogRecordWithoutTimes(log, id);
            return null;
        }

        var people = new CallPeople(record.OrganizerV2, participantsV2, record.Organizer, record.Participants);
        var timed = sessions.Where(s => s.StartDateTime is not null && s.EndDateTime is not null).ToList();
        if (timed.Count < sessions.Count)
        {
            LogSessionsWithoutTimes(log, id, sessions.Count - timed.Count);
        }

        return new TeamsCall(
            id,
            record.Type is "groupCall" or "peerToPeer" ? record.Type : "unknown",
            [.. record.Modalities ?? []],
            start,
            end,
            people.Organizer,
            people.Participants,
            [.. timed.Select(s => new CallSession(people.Of(s.Caller), people.Of(s.Callee), s.StartDateTime!.Value, s.EndDateTime!.Value))]);
    }

    /// <summary>An expanded collection and the pages after it, each link followed once and only when it is a Graph URL.</summary>
    private async Task<List<T>> ReadAllAsync<T>(
        IRequestAdapter adapter,
        string id,
        string relation,
        List<T>? first,
        string? nextLink,
        Func<string, RequestInformation> pageRequest,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<GraphPage<T>> pageType,
        CancellationToken cancellationToken)
    {
        var items = new List<T>(first ?? []);
        var followed = new HashSet<string>(StringComparer.Ordinal);
        while (nextLink is not null)
        {
            if (!GraphNextLinks.IsFollowable(graphClients.GraphBaseUrl, nextLink))
            {
                LogUnfollowableLink(log, id, relation, items.Count);
                break;
            }

            if (!followed.Add(nextLink))
            {
                LogRepeatedLink(log, id, relation, items.Count);
                break;
            }

            var page = await GraphPages.ReadAsync(adapter, pageRequest(nextLink), pageType, graphClients.Clock, cancellationToken);
            items.AddRange(page?.Value ?? []);
            nextLink = page?.NextLink;
        }

        return items;
    }

    private static string GraphTime(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Count} listed call records without an id")]
    private static partial void LogRecordsWithoutId(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped call record {CallRecordId}: it has no start or end time")]
    private static partial void LogRecordWithoutTimes(ILogger logger, string callRecordId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call record {CallRecordId}: left out {Count} sessions without a start or end time")]
    private static partial void LogSessionsWithoutTimes(ILogger logger, string callRecordId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call record {CallRecordId}: the next page of its {Relation} is not a Microsoft Graph URL, so it was not followed; imported with the {Count} read")]
    private static partial void LogUnfollowableLink(ILogger logger, string callRecordId, string relation, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call record {CallRecordId}: the next page of its {Relation} links back to a page already read; imported with the {Count} read")]
    private static partial void LogRepeatedLink(ILogger logger, string callRecordId, string relation, int count);
}
