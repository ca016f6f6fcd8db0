using WorkSights.Application.Directory.GetImportedPeople;
using WorkSights.Application.Directory.GetPerson;
using WorkSights.Application.Onboarding.GetWorkspaceStatus;
using WorkSights.Application.Reporting.GetScoreReport;
using WorkSights.Domain.ApiKeys;

namespace WorkSights.Application.Common.Security;

/// <summary>
/// The only requests an integration client may send, each with the scope it needs: all of them reads. Every other
/// request, whatever its access rule says of people, is refused to an integrator, so that no handler written for a
/// person (one that reads the sender's person id or reporting tree) can be reached with an API key.
/// </summary>
public static class IntegratorRequests
{
    private static readonly Dictionary<Type, string> Scopes = new()
    {
        [typeof(GetWorkspaceStatusQuery)] = ApiScopes.WorkspaceRead,
        [typeof(GetImportedPeopleQuery)] = ApiScopes.DirectoryRead,
        [typeof(GetPersonQuery)] = ApiScopes.DirectoryRead,
        [typeof(GetScoreReportQuery)] = ApiScopes.ReportsRead,
    };

    /// <summary>The scope an integrator needs to send <paramref name="request"/>, or null when no integrator may.</summary>
    public static string? ScopeFor(Type request) => Scopes.GetValueOrDefault(request);

    public static IReadOnlyDictionary<Type, string> All => Scopes;
}
