using WorkSights.Application.Ingestion.Arrivals;
using WorkSights.Application.Reporting;
using WorkSights.Application.Reporting.GetArrivedStreamItems;
using WorkSights.Domain.People;

namespace WorkSights.Application.UnitTests.Reporting;

public sealed class GetArrivedStreamItemsQueryHandlerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Earlier = Noon.AddHours(-1);
    private StreamWorkspace workspace = null!;

    public async Task InitializeAsync() => workspace = await StreamWorkspace.CreateAsync();

    public Task DisposeAsync()
    {
        workspace.Dispose();
        return Task.CompletedTask;
    }

    private Task<IReadOnlyList<StreamItemDto>> ArrivedAsync(string viewer, PersonRole role, params ActivityArrival[] arrivals) =>
        workspace.AsAsync(viewer, role, async (db, scopes, calendars, tenant) =>
            await new GetArrivedStreamItemsQueryHandler(db, tenant, scopes, workspace.Privacy(db), calendars).Handle(
                new GetArrivedStreamItemsQuery(StreamWorkspace.Day, ReportFilter.None, arrivals), CancellationToken.None));

    private ActivityArrival Arrival(params string[] people) =>
        new(1, workspace.TenantId, people.Select(p => workspace.People[p].Id).ToHashSet(), Noon);

    [Fact]
    public async Task OnlyTheJustStoredItemsOfVisiblePeopleArrive()
    {
        await workspace.AddActivityAsync("lena", Noon.AddMinutes(-30), syncedAt: Earlier);
        var fresh = await workspace.AddActivityAsync("lena", Noon.AddMinutes(-5), syncedAt: Noon);
        await workspace.AddActivityAsync("erik", Noon.AddMinutes(-5), syncedAt: Noon);

        var member = await ArrivedAsync("lena", PersonRole.Member, Arrival("lena", "erik"));
        var owner = await ArrivedAsync("olivia", PersonRole.Owner, Arrival("lena", "erik"));
        var technicalAdmin = await ArrivedAsync("erik", PersonRole.TechnicalAdmin, Arrival("lena", "erik"));

        Assert.Equal([fresh.Id], member.Select(i => i.Id));
        Assert.Equal(["Erik", "Lena"], owner.Select(i => i.PersonName).Order());
        Assert.Empty(technicalAdmin);
    }

    [Fact]
    public async Task AnotherWorkspacesArrivalsAreIgnored()
    {
        await workspace.AddActivityAsync("nora", Noon, syncedAt: Noon);
        var foreign = new ActivityArrival(1, workspace.OtherTenantId, new HashSet<Guid> { workspace.People["nora"].Id }, Noon);
        var forged = new ActivityArrival(2, workspace.TenantId, new HashSet<Guid> { workspace.People["nora"].Id }, Noon);

        Assert.Empty(await ArrivedAsync("olivia", PersonRole.Owner, foreign, forged));
    }
}
