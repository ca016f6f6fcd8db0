using System.Runtime.CompilerServices;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory;
using GraphUser = Microsoft.Graph.Models.User;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// Reads users through Graph. A full read first takes a delta link for "now" (<c>$deltatoken=latest</c>), then lists
/// <c>/users</c>; changes made meanwhile are replayed by the next delta, which the import tolerates.
/// </summary>
public sealed class GraphDirectoryReader(GraphClientFactory graphClients) : IDirectoryReader
{
    private const int PageSize = 999;

    private static readonly string[] Properties =
        ["id", "displayName", "mail", "userPrincipalName", "department", "jobTitle", "userType", "accountEnabled", "assignedLicenses"];

    public async IAsyncEnumerable<DirectoryPage> ReadAsync(string externalTenantId, string? deltaLink, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var graph = graphClients.ForTenant(externalTenantId);
        if (deltaLink is null)
        {
            var startOfChanges = await GraphCalls.CallAsync(() => graph.Users.Delta.WithUrl(LatestDeltaUrl(graph.RequestAdapter.BaseUrl!)).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken), graphClients.Clock);
            var nextDeltaLink = startOfChanges?.OdataDeltaLink ?? throw new ProviderUnavailableException("Graph returned no delta link.");

            var page = await GraphCalls.CallAsync(() => graph.Users.GetAsync(
                request =>
                {
                    request.QueryParameters.Select = Properties;
                    request.QueryParameters.Top = PageSize;
                    request.QueryParameters.Expand = ["manager($select=id)"];
                },
                cancellationToken), graphClients.Clock);
            while (page is not null)
            {
                var next = page.OdataNextLink;
                yield return new DirectoryPage(ToIdentities(page.Value, managerFromDelta: false), [], next is null ? nextDeltaLink : null);
                page = next is null ? null : await GraphCalls.CallAsync(() => graph.Users.WithUrl(next).GetAsync(cancellationToken: cancellationToken), graphClients.Clock);
            }

            yield break;
        }

        var changes = await GraphCalls.CallAsync(() => graph.Users.Delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken), graphClients.Clock);
        while (changes is not null)
        {
            var users = changes.Value ?? [];
            var removed = users.Where(IsRemoved).Select(u => u.Id!).ToList();
            var present = users.Where(u => !IsRemoved(u)).ToList();
            var next = changes.OdataNextLink;
            yield return new DirectoryPage(ToIdentities(present, managerFromDelta: true), removed, next is null ? changes.OdataDeltaLink : null);
            if (next is null && changes.OdataDeltaLink is null)
            {
                throw new ProviderUnavailableException("Graph ended a delta round without a delta link.");
            }

            changes = next is null ? null : await GraphCalls.CallAsync(() => graph.Users.Delta.WithUrl(next).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken), graphClients.Clock);
        }
    }

    private static string LatestDeltaUrl(string baseUrl) =>
        $"{baseUrl.TrimEnd('/')}/users/delta?$deltatoken=latest&$select={string.Join(',', Properties)},manager";

    private static bool IsRemoved(GraphUser user) => user.AdditionalData?.ContainsKey("@removed") == true;

    private static List<DirectoryIdentity> ToIdentities(IEnumerable<GraphUser>? users, bool managerFromDelta) =>
        (users ?? []).Where(u => !string.IsNullOrEmpty(u.Id)).Select(u =>
        {
            var (managerId, managerIncluded) = managerFromDelta ? ManagerFromDelta(u) : (u.Manager?.Id, true);
            return new DirectoryIdentity(
                u.Id!.ToLowerInvariant(),
                u.Mail,
                u.UserPrincipalName ?? u.Mail ?? u.Id!,
                string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserPrincipalName ?? u.Id! : u.DisplayName,
                u.Department,
                u.JobTitle,
                managerId?.ToLowerInvariant(),
                managerIncluded,
                string.Equals(u.UserType, "Guest", StringComparison.OrdinalIgnoreCase),
                u.AccountEnabled ?? true,
                u.AssignedLicenses is { Count: > 0 });
        }).ToList();

    /// <summary>Delta reports a manager change as <c>manager@delta</c>; its absence means "unchanged".</summary>
    private static (string? Id, bool Included) ManagerFromDelta(GraphUser user)
    {
        if (user.AdditionalData?.TryGetValue("manager@delta", out var value) != true)
        {
            return (null, false);
        }

        if (value is UntypedArray array)
        {
            foreach (var node in array.GetValue())
            {
                if (node is UntypedObject obj && obj.GetValue() is var link && link.TryGetValue("id", out var id) && id is UntypedString text)
                {
                    return link.ContainsKey("@removed") ? (null, true) : (text.GetValue(), true);
                }
            }
        }

        return (null, true);
    }
}
