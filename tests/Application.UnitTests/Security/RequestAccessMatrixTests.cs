using System.Reflection;
using Mediator;
using WorkSights.Application.Common.Behaviours;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Common.Security;
using WorkSights.Application.Reporting.GetDashboard;
using WorkSights.Domain.ApiKeys;
using WorkSights.Domain.People;

namespace WorkSights.Application.UnitTests.Security;

/// <summary>
/// Issue 12's matrix for every Mediator request of the Application layer, found by reflection: each has a row naming who
/// may send it, and the authorization behaviour lets exactly those through — every role, someone proved by the provider
/// without a role yet, and nobody signed in. A new request without a row fails here.
/// </summary>
public sealed class RequestAccessMatrixTests
{
    private enum Audience
    {
        /// <summary>Every role of a workspace.</summary>
        Everyone,

        /// <summary>Owner and Technical Admin.</summary>
        Administration,

        Owner,

        /// <summary>Every role that reads activity: all but the Technical Admin.</summary>
        Readers,

        /// <summary>Owner, Executive and Manager.</summary>
        Leaders,

        /// <summary>Owner and Executive.</summary>
        Executives,

        /// <summary>Anyone the identity provider proved, with or without a role (sign-up and consent).</summary>
        SignedIn,

        /// <summary>WorkSights itself (a job, the sign-in flow), which the behaviour never refuses.</summary>
        Job,
    }

    private static readonly Dictionary<string, Audience> Rules = new(StringComparer.Ordinal)
    {
        ["AddCustomScheduleCommand"] = Audience.Everyone,
        ["ChangePeopleCommand"] = Audience.Administration,
        ["CheckApiTokenCommand"] = Audience.Job,
        ["CheckSessionCommand"] = Audience.Job,
        ["CompleteActivitySyncCommand"] = Audience.Job,
        ["CompleteAdminConsentCommand"] = Audience.SignedIn,
        ["CompleteSignInCommand"] = Audience.Job,
        ["CorrectActivityDurationCommand"] = Audience.Readers,
        ["CreateApiKeyCommand"] = Audience.Administration,
        ["DeleteNamedScheduleCommand"] = Audience.Administration,
        ["DeleteWorkspaceCommand"] = Audience.Owner,
        ["EndSessionCommand"] = Audience.Job,
        ["EraseDeletedWorkspaceCommand"] = Audience.Job,
        ["ErasePersonCommand"] = Audience.Owner,
        ["EstablishFirstOwnerCommand"] = Audience.Job,
        ["ExportMyDataCommand"] = Audience.Everyone,
        ["ExportWorkspaceCommand"] = Audience.Owner,
        ["FindManagersQuery"] = Audience.Administration,
        ["GetAccountSettingsQuery"] = Audience.Owner,
        ["GetAccountSetupQuery"] = Audience.Owner,
        ["GetActivityDetailQuery"] = Audience.Readers,
        ["GetActivityStreamQuery"] = Audience.Readers,
        ["GetApiKeysQuery"] = Audience.Administration,
        ["GetArrivedStreamItemsQuery"] = Audience.Readers,
        ["GetAuditLogQuery"] = Audience.Administration,
        ["GetCreditingTableQuery"] = Audience.Owner,
        ["GetDashboardQuery"] = Audience.Readers,
        ["GetExecutiveOverviewQuery"] = Audience.Executives,
        ["GetImportedPeopleQuery"] = Audience.Administration,
        ["GetManagedPersonQuery"] = Audience.Administration,
        ["GetMapPlacesQuery"] = Audience.Readers,
        ["GetMyDataQuery"] = Audience.Everyone,
        ["GetMyNotificationsQuery"] = Audience.Everyone,
        ["GetNotificationPreferencesQuery"] = Audience.Everyone,
        ["GetMyFindingsQuery"] = Audience.Readers,
        ["GetMyOverviewQuery"] = Audience.Readers,
        ["GetNotImportedIdentitiesQuery"] = Audience.Administration,
        ["GetObserverThresholdsQuery"] = Audience.Owner,
        ["GetPersonQuery"] = Audience.Administration,
        ["GetPersonScheduleQuery"] = Audience.Everyone,
        ["GetReportBarQuery"] = Audience.Readers,
        ["GetScoreReportQuery"] = Audience.Readers,
        ["GetServiceViewQuery"] = Audience.Administration,
        ["GetTeamFindingsQuery"] = Audience.Leaders,
        ["GetUserDirectoryQuery"] = Audience.Administration,
        ["GetWorkspaceDataQuery"] = Audience.Owner,
        ["GetWorkspaceSchedulesQuery"] = Audience.Administration,
        ["GetWorkspaceStatusQuery"] = Audience.SignedIn,
        ["ImportDirectoryCommand"] = Audience.Job,
        ["ImportWorkSettingsCommand"] = Audience.Job,
        ["IssueApiTokenCommand"] = Audience.Job,
        ["ListNamedSchedulesQuery"] = Audience.Administration,
        ["MarkInterruptedRunsCommand"] = Audience.Job,
        ["ProvisionWorkspaceCommand"] = Audience.Job,
        ["PurgeExpiredDataCommand"] = Audience.Job,
        ["RecheckConsentCommand"] = Audience.Job,
        ["RecheckRevokedConsentsCommand"] = Audience.Job,
        ["RecordSyncProgressCommand"] = Audience.Job,
        ["RecordThrottlingCommand"] = Audience.Job,
        ["RemoveCustomScheduleCommand"] = Audience.Everyone,
        ["RequestAdminConsentCommand"] = Audience.SignedIn,
        ["RequestErasureCommand"] = Audience.Everyone,
        ["RequestSyncNowCommand"] = Audience.Administration,
        ["ResetCreditingTableCommand"] = Audience.Owner,
        ["ReviewProvisioningCommand"] = Audience.Administration,
        ["RevokeApiKeyCommand"] = Audience.Administration,
        ["ImportAnywayCommand"] = Audience.Administration,
        ["UndoImportAnywayCommand"] = Audience.Administration,
        ["DecideConvertedMailboxCommand"] = Audience.Administration,
        ["SaveAccountSetupCommand"] = Audience.Owner,
        ["SaveCompanyDetailsCommand"] = Audience.Owner,
        ["SaveCreditingTableCommand"] = Audience.Owner,
        ["SaveDefaultScheduleCommand"] = Audience.Owner,
        ["SaveHolidayRegionsCommand"] = Audience.Owner,
        ["SaveNamedScheduleCommand"] = Audience.Administration,
        ["SaveObserverThresholdsCommand"] = Audience.Owner,
        ["SavePersonScheduleCommand"] = Audience.Everyone,
        ["SetConnectionCommand"] = Audience.Administration,
        ["SaveNotificationPreferencesCommand"] = Audience.Everyone,
        ["SetDataRetentionCommand"] = Audience.Owner,
        ["SetJoinerAcceptanceCommand"] = Audience.Owner,
        ["SetPrivacyModeCommand"] = Audience.Owner,
        ["SetScoreVisibilityCommand"] = Audience.Owner,
        ["SetServiceFeatureCommand"] = Audience.Administration,
        ["StartActivitySyncCommand"] = Audience.Job,
        ["StartSessionCommand"] = Audience.Job,
        ["SyncDirectoryNowCommand"] = Audience.Administration,
        ["SyncFeedCommand"] = Audience.Job,
        ["SyncMailboxCommand"] = Audience.Job,
        ["SyncNowCommand"] = Audience.Administration,
        ["UpdatePersonCommand"] = Audience.Administration,
        ["WithdrawErasureCommand"] = Audience.Everyone,
    };

    /// <summary>
    /// What an integration client (an API key) may send, and with which scope: reads only. Every other request is refused
    /// to it, whatever its rule says of people, so no handler that assumes a person can be reached with a key.
    /// </summary>
    private static readonly Dictionary<string, string> IntegratorReads = new(StringComparer.Ordinal)
    {
        ["GetWorkspaceStatusQuery"] = ApiScopes.WorkspaceRead,
        ["GetImportedPeopleQuery"] = ApiScopes.DirectoryRead,
        ["GetPersonQuery"] = ApiScopes.DirectoryRead,
        ["GetScoreReportQuery"] = ApiScopes.ReportsRead,
    };

    public static TheoryData<string> Senders => new(
        ["Owner", "TechnicalAdmin", "Executive", "Manager", "Member", "proved, no role", "nobody", "API key, every scope", "API key, workspace only", "API key, reports only"]);

    private static IEnumerable<Type> Requests() =>
        typeof(GetDashboardQuery).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t) && !t.Name.Contains('<', StringComparison.Ordinal));

    [Fact]
    public void EveryRequestHasARow()
    {
        Assert.Equal(Rules.Keys.Order(StringComparer.Ordinal), Requests().Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Senders))]
    public async Task EachRequestReachesItsHandlerExactlyForItsAudience(string sender)
    {
        var user = UserOf(sender);
        var failures = new List<string>();
        foreach (var request in Requests())
        {
            var response = request.GetInterfaces()
                .Single(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IQuery<>) || i.GetGenericTypeDefinition() == typeof(ICommand<>)
                    || i.GetGenericTypeDefinition() == typeof(IRequest<>)))
                .GetGenericArguments()[0];
            var send = typeof(RequestAccessMatrixTests).GetMethod(nameof(ReachesHandlerAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(request, response);
            var reached = await (Task<bool>)send.Invoke(null, [user])!;
            var allowed = Allows(request.Name, Rules[request.Name], user);
            if (reached != allowed)
            {
                failures.Add($"{request.Name}: {(reached ? "reached its handler" : "was refused")}");
            }
        }

        Assert.True(failures.Count == 0, $"sent by {sender}: " + string.Join("; ", failures));
    }

    private static bool Allows(string request, Audience audience, ICurrentUser user) => user.Client is { } client
        ? audience == Audience.Job || (IntegratorReads.TryGetValue(request, out var scope) && client.Holds(scope))
        : Allows(audience, user);

    private static bool Allows(Audience audience, ICurrentUser user) => audience switch
    {
        Audience.Job => true,
        Audience.SignedIn => user.ObjectId is not null,
        Audience.Everyone => user.Role is not null,
        Audience.Administration => user.Role is PersonRole.Owner or PersonRole.TechnicalAdmin,
        Audience.Owner => user.Role is PersonRole.Owner,
        Audience.Readers => user.Role is PersonRole.Owner or PersonRole.Executive or PersonRole.Manager or PersonRole.Member,
        Audience.Leaders => user.Role is PersonRole.Owner or PersonRole.Executive or PersonRole.Manager,
        Audience.Executives => user.Role is PersonRole.Owner or PersonRole.Executive,
        _ => false,
    };

    private static ICurrentUser UserOf(string sender) => sender switch
    {
        "nobody" => new Sender(null, null, null),
        "API key, every scope" => new Sender(null, null, null, Key(ApiScopes.WorkspaceRead, ApiScopes.DirectoryRead, ApiScopes.ReportsRead)),
        "API key, workspace only" => new Sender(null, null, null, Key(ApiScopes.WorkspaceRead)),
        "API key, reports only" => new Sender(null, null, null, Key(ApiScopes.WorkspaceRead, ApiScopes.ReportsRead)),
        "proved, no role" => new Sender("3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d", "8c1d2e3f-0000-4a5b-9c6d-7e8f9a0b1c2d", null),
        _ => new Sender("3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d", "8c1d2e3f-0000-4a5b-9c6d-7e8f9a0b1c2d", Enum.Parse<PersonRole>(sender)),
    };

    private static async Task<bool> ReachesHandlerAsync<TMessage, TResponse>(ICurrentUser user)
        where TMessage : IMessage
    {
        var behaviour = new AuthorizationBehaviour<TMessage, TResponse>(user);
        var reached = false;
        try
        {
            await behaviour.Handle(default!, (_, _) =>
            {
                reached = true;
                return ValueTask.FromResult(default(TResponse)!);
            }, CancellationToken.None);
        }
        catch (ForbiddenAccessException)
        {
            return false;
        }

        return reached;
    }

    private static ApiClient Key(params string[] scopes) => new(Guid.NewGuid(), "wsk_test", scopes.ToHashSet(StringComparer.Ordinal));

    private sealed class Sender(string? externalTenantId, string? objectId, PersonRole? role, ApiClient? client = null) : ICurrentUser
    {
        public ApiClient? Client => client;

        public string? ExternalTenantId => externalTenantId;

        public string? ObjectId => objectId;

        public Guid? PersonId => role is null ? null : Guid.Parse("5b0c9a6e-2f1d-4c3b-9a8e-7d6c5b4a3f21");

        public PersonRole? Role => role;

        public string? Address => null;
    }
}
