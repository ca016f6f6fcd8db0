using WorkSights.Application.Reporting;
using WorkSights.Application.Reporting.GetMapPlaces;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;

namespace WorkSights.Application.UnitTests.Reporting;

public sealed class GetMapPlacesQueryHandlerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly ActivityLocation Chicago = new("Chicago", "Illinois", "US", 41.88, -87.63);
    private static readonly ActivityLocation Evanston = new("Evanston", "Illinois", "US", 42.05, -87.69);
    private StreamWorkspace workspace = null!;

    public async Task InitializeAsync() => workspace = await StreamWorkspace.CreateAsync();

    public Task DisposeAsync()
    {
        workspace.Dispose();
        return Task.CompletedTask;
    }

    private Task<MapPlacesDto> PlacesAsync(string viewer, PersonRole role, ReportFilter? filter = null) =>
        workspace.AsAsync(viewer, role, async (db, scopes, calendars, _) =>
            await new GetMapPlacesQueryHandler(db, scopes, workspace.Privacy(db), calendars).Handle(new GetMapPlacesQuery(StreamWorkspace.Day, filter ?? ReportFilter.None), CancellationToken.None));

    [Fact]
    public async Task OnePinPerPersonAtTheCityMostOfTheirItemsCameFrom()
    {
        await workspace.AddActivityAsync("lena", Noon, ActivityKind.SignIn, Chicago);
        await workspace.AddActivityAsync("lena", Noon.AddHours(1), ActivityKind.SignIn, Evanston);
        await workspace.AddActivityAsync("lena", Noon.AddHours(2), ActivityKind.SignIn, Evanston);
        await workspace.AddActivityAsync("lena", Noon.AddDays(-1), ActivityKind.SignIn, Chicago);

        var pin = Assert.Single((await PlacesAsync("olivia", PersonRole.Owner)).Pins);

        Assert.Equal(("Lena", "Evanston", 2), (pin.PersonName, pin.City, pin.ActivityCount));
    }

    [Fact]
    public async Task DaysPlacesAreReadFromTheDateIndexAloneGivenComputedDays()
    {
        await workspace.AddLocationAsync("lena", "Chicago", 41.88, -87.63, 3);
        var reads = new ReaderCommands();

        var plan = await workspace.AsAsync(
            "olivia",
            PersonRole.Owner,
            async (db, scopes, calendars, _) =>
            {
                await new GetMapPlacesQueryHandler(db, scopes, workspace.Privacy(db), calendars).Handle(new GetMapPlacesQuery(StreamWorkspace.Day, ReportFilter.None), CancellationToken.None);
                return await ReaderCommands.PlanAsync(db, reads.Commands.First(c => c.Sql.Contains("FROM \"PersonDayLocations\"", StringComparison.Ordinal)));
            },
            reads);

        Assert.Contains(plan, step => step.Contains("COVERING INDEX IX_PersonDayLocations_TenantId_Date_PersonId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownPlacesAreLeftOut()
    {
        await workspace.AddActivityAsync("lena", Noon, ActivityKind.SignIn, new ActivityLocation(null, null, "US", null, null));
        await workspace.AddActivityAsync("erik", Noon, ActivityKind.SignIn, new ActivityLocation("Chicago", null, "US", null, null));
        await workspace.AddActivityAsync("sam", Noon, ActivityKind.EmailSent);

        Assert.Empty((await PlacesAsync("olivia", PersonRole.Owner)).Pins);
    }

    [Fact]
    public async Task CloudDatacenterCityIsLeftOutGivenItemsNotYetInTheReadModel()
    {
        var boydton = new ActivityLocation("Boydton", "Virginia", "US", 36.67, -78.39);
        await workspace.AddActivityAsync("lena", Noon, ActivityKind.SignIn, boydton, cloudProvider: "Microsoft Azure");
        await workspace.AddActivityAsync("lena", Noon.AddHours(1), ActivityKind.SignIn, boydton, cloudProvider: "Microsoft Azure");
        await workspace.AddActivityAsync("lena", Noon.AddHours(2), ActivityKind.SignIn, Chicago);
        await workspace.AddActivityAsync("sam", Noon, ActivityKind.SignIn, boydton, cloudProvider: "Microsoft Azure");

        var pin = Assert.Single((await PlacesAsync("olivia", PersonRole.Owner)).Pins);

        Assert.Equal(("Lena", "Chicago", 1), (pin.PersonName, pin.City, pin.ActivityCount));
    }

    [Fact]
    public async Task ReadModelIsPreferredAndActivitiesFillInForPeopleItHasNotReached()
    {
        await workspace.AddLocationAsync("lena", "Milwaukee", 43.04, -87.91, 9);
        await workspace.AddActivityAsync("lena", Noon, ActivityKind.SignIn, Chicago);
        await workspace.AddActivityAsync("sam", Noon, ActivityKind.SignIn, Evanston);

        var pins = (await PlacesAsync("olivia", PersonRole.Owner)).Pins;

        Assert.Equal([("Evanston", "Sam"), ("Milwaukee", "Lena")], pins.Select(p => (p.City, p.PersonName)));
    }

    [Fact]
    public async Task PersonFilterLeavesThatPersonsPinAlone()
    {
        await workspace.AddLocationAsync("lena", "Chicago", 41.88, -87.63, 2);
        await workspace.AddLocationAsync("sam", "Evanston", 42.05, -87.69, 1);
        await workspace.AddActivityAsync("erik", Noon, ActivityKind.SignIn, Chicago);

        var lena = await workspace.AsAsync("olivia", PersonRole.Owner, async (db, scopes, calendars, _) =>
            await new GetMapPlacesQueryHandler(db, scopes, workspace.Privacy(db), calendars)
                .Handle(new GetMapPlacesQuery(StreamWorkspace.Day, new ReportFilter(PersonId: workspace.People["lena"].Id)), CancellationToken.None));

        Assert.Equal([("Chicago", "Lena")], lena.Pins.Select(p => (p.City, p.PersonName)));
    }

    [Fact]
    public async Task PinsAreInTheOrderOfTheListByCityThenNameAsAReaderSortsThem()
    {
        await workspace.AddLocationAsync("lena", "Zürich", 47.37, 8.54, 2);
        await workspace.AddLocationAsync("sam", "Évry", 48.63, 2.44, 1);
        await workspace.AddLocationAsync("hana", "Chicago", 41.88, -87.63, 4);
        await workspace.AddLocationAsync("erik", "Évry", 48.63, 2.44, 3);
        await workspace.AddLocationAsync("olivia", "Chicago", 41.88, -87.63, 1);

        var pins = (await PlacesAsync("olivia", PersonRole.Owner)).Pins;

        // "Évry" before "Zürich", as a reader expects (an ordinal sort puts accented letters after Z).
        Assert.Equal(
            [("Chicago", "Hana"), ("Chicago", "Olivia"), ("Évry", "Erik"), ("Évry", "Sam"), ("Zürich", "Lena")],
            pins.Select(p => (p.City, p.PersonName)));
    }

    [Fact]
    public async Task ComputedDayWithoutPlacesIsTrustedAndOnlyDaysNotComputedAreReadFromItems()
    {
        await workspace.AddComputedDayWithoutItemsAsync("sam");
        await workspace.AddActivityAsync("sam", Noon, ActivityKind.SignIn, Evanston);
        await workspace.AddActivityAsync("lena", Noon, ActivityKind.SignIn, Chicago);

        var pins = (await PlacesAsync("olivia", PersonRole.Owner)).Pins;

        // Sam's item arrived after his day was computed: his pin waits for the recompute, as every other figure does.
        Assert.Equal([("Chicago", "Lena")], pins.Select(p => (p.City, p.PersonName)));
    }

    [Fact]
    public async Task PinsFollowTheViewersScope()
    {
        foreach (var person in new[] { "olivia", "hana", "sam", "lena", "erik", "nora" })
        {
            await workspace.AddActivityAsync(person, Noon, ActivityKind.SignIn, Chicago);
        }

        Assert.Equal(["Lena"], (await PlacesAsync("lena", PersonRole.Member)).Pins.Select(p => p.PersonName));
        Assert.Equal(["Hana", "Lena", "Sam"], (await PlacesAsync("hana", PersonRole.Manager)).Pins.Select(p => p.PersonName));
        Assert.Empty((await PlacesAsync("erik", PersonRole.TechnicalAdmin)).Pins);
        Assert.Equal(5, (await PlacesAsync("olivia", PersonRole.Executive)).Pins.Count);
    }
}
