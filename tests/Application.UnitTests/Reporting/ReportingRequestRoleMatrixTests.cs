using System.Reflection;
using System.Runtime.CompilerServices;
using Mediator;
using WorkSights.Application.Reporting.CorrectActivityDuration;
using WorkSights.Application.Reporting.GetActivityDetail;
using WorkSights.Application.Reporting.GetActivityStream;
using WorkSights.Application.Reporting.GetArrivedStreamItems;
using WorkSights.Application.Reporting.GetDashboard;
using WorkSights.Application.Reporting.GetExecutiveOverview;
using WorkSights.Application.Reporting.GetFindings;
using WorkSights.Application.Reporting.GetMapPlaces;
using WorkSights.Application.Reporting.GetMyOverview;
using WorkSights.Application.Reporting.GetReportBar;
using WorkSights.Application.Reporting.GetScoreReport;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.People;

namespace WorkSights.Application.UnitTests.Reporting;

/// <summary>
/// Issue 11's role matrix for the Application layer: every request under WorkSights.Application.Reporting, found by
/// reflection, has a row naming the roles that may send it, and the authorization behaviour refuses every other role
/// (what each allowed role then sees is filtered by the handlers: <see cref="ReportingScopeTests"/>, <see cref="DashboardTests"/>).
/// </summary>
public sealed class ReportingRequestRoleMatrixTests
{
    private static readonly PersonRole[] Readers = [PersonRole.Owner, PersonRole.Executive, PersonRole.Manager, PersonRole.Member];

    /// <summary>
    /// PRODUCT.md: a Technical Admin sees no activity, scores or reports. The Score Report's query answers every reader
    /// (a Manager their tree, a Member themselves); its page is the Owner's and Executives' only.
    /// </summary>
    private static readonly Dictionary<Type, PersonRole[]> MaySend = new()
    {
        [typeof(GetDashboardQuery)] = Readers,
        [typeof(GetMyOverviewQuery)] = Readers,
        [typeof(GetMyFindingsQuery)] = Readers,
        [typeof(GetTeamFindingsQuery)] = [PersonRole.Owner, PersonRole.Executive, PersonRole.Manager],
        [typeof(GetExecutiveOverviewQuery)] = [PersonRole.Owner, PersonRole.Executive],
        [typeof(GetScoreReportQuery)] = Readers,
        [typeof(GetActivityStreamQuery)] = Readers,
        [typeof(GetArrivedStreamItemsQuery)] = Readers,
        [typeof(GetActivityDetailQuery)] = Readers,
        [typeof(CorrectActivityDurationCommand)] = Readers,
        [typeof(GetMapPlacesQuery)] = Readers,
        [typeof(GetReportBarQuery)] = Readers,
    };

    public static TheoryData<PersonRole?> Roles => new(Enum.GetValues<PersonRole>().Select(r => (PersonRole?)r).Append(null));

    private static IEnumerable<Type> ReportingRequests() =>
        typeof(GetDashboardQuery).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace?.StartsWith("WorkSights.Application.Reporting", StringComparison.Ordinal) == true)
            .Where(t => typeof(IMessage).IsAssignableFrom(t));

    [Fact]
    public void EveryReportingRequestHasARow()
    {
        Assert.Equal(
            ReportingRequests().Select(t => t.Name).Order(),
            MaySend.Keys.Select(t => t.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachReportingRequestIsRefusedExactlyToTheRolesOutsideItsRow(PersonRole? role)
    {
        foreach (var request in ReportingRequests())
        {
            var response = request.GetInterfaces()
                .Single(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IQuery<>) || i.GetGenericTypeDefinition() == typeof(ICommand<>)))
                .GetGenericArguments()[0];
            var send = typeof(ReportingRequestRoleMatrixTests).GetMethod(nameof(SendAsAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(request, response);

            var reachedHandler = await (Task<bool>)send.Invoke(null, [role])!;

            var allowed = role is { } r && MaySend[request].Contains(r);
            Assert.True(allowed == reachedHandler, $"{request.Name} sent by {role?.ToString() ?? "nobody signed in"}: {(reachedHandler ? "reached its handler" : "was refused")}");
        }
    }

    /// <summary>Sends the request through the authorization behaviour; true when it reached the handler, false when refused.</summary>
    private static Task<bool> SendAsAsync<TMessage, TResponse>(PersonRole? role)
        where TMessage : IMessage =>
        AuthorizationProbe.ReachesHandlerAsync<TMessage, TResponse>(role, (TMessage)RuntimeHelpers.GetUninitializedObject(typeof(TMessage)));
}
