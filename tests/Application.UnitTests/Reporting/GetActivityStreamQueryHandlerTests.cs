using WorkSights.Application.Reporting;
using WorkSights.Application.Reporting.GetActivityStream;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;

namespace WorkSights.Application.UnitTests.Reporting;

public sealed class GetActivityStreamQueryHandlerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private StreamWorkspace workspace = null!;

    public async Task InitializeAsync() => workspace = await StreamWorkspace.CreateAsync();

    public Task DisposeAsync()
    {
        workspace.Dispose();
        return Task.CompletedTask;
    }

    private Task<ActivityStreamDto> StreamAsync(string viewer, PersonRole role, ReportFilter? filter = null, StreamCursor? after = null, int pageSize = 50) =>
        workspace.AsAsync(viewer, role, async (db, scopes, calendars, _) =>
            await new GetActivityStreamQueryHandler(db, scopes, workspace.Privacy(db), calendars).Handle(
                new GetActivityStreamQuery(StreamWorkspace.Day, filter ?? ReportFilter.None, after, pageSize), CancellationToken.None));

    [Fact]
    public async Task EveryoneOfTheWorkspaceIsReadWithoutListingThemAndOnlyThePagesPeopleAreNamed()
    {
        await workspace.AddActivityAsync("lena", Noon);
        await workspace.AddActivityAsync("sam", Noon.AddMinutes(-5));
        await workspace.AddActivityAsync("erik", Noon.AddMinutes(-10));
        var reads = new Support.ReaderCommands();

        var page = await workspace.AsAsync(
            "olivia",
            PersonRole.Owner,
            async (db, scopes, calendars, _) => await new GetActivityStreamQueryHandler(db, scopes, workspace.Privacy(db), calendars).Handle(
                new GetActivityStreamQuery(StreamWorkspace.Day, ReportFilter.None, null, 2), CancellationToken.None),
            reads);

        Assert.Equal(["Lena", "Sam"], page.Items.Select(i => i.PersonName));
        var names = Assert.Single(reads.Commands, c => c.Sql.Contains("FROM \"People\"", StringComparison.Ordinal) && c.Sql.Contains("\"DisplayName\"", StringComparison.Ordinal));
        Assert.Contains("\"Id\" IN (", names.Sql, StringComparison.Ordinal);
        Assert.Equal(2, names.Parameters.Count(p => p.Name.StartsWith("@ids", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ItemFromACloudNetworkIsPlacedAtTheDatacenterNotAtItsCity()
    {
        await workspace.AddActivityAsync("lena", Noon, ActivityKind.SignIn, new ActivityLocation("Dublin", null, "IE", 53.35, -6.26), cloudProvider: "Microsoft Azure");

        var item = Assert.Single((await StreamAsync("olivia", PersonRole.Owner)).Items);

        Assert.Equal("Cloud datacenter (Microsoft Azure)", item.City);
        Assert.Null(item.CountryOrRegion);
    }

    [Fact]
    public async Task PagesWalkEveryItemOfTheDayNewestFirstGivenItemsAtTheSameInstant()
    {
        var added = new List<Activity>();
        for (var i = 0; i < 7; i++)
        {
            added.Add(await workspace.AddActivityAsync("lena", Noon.AddMinutes(-(i / 2))));
        }

        await workspace.AddActivityAsync("lena", Noon.AddDays(-1));
        await workspace.AddActivityAsync("nora", Noon);

        var seen = new List<StreamItemDto>();
        StreamCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await StreamAsync("olivia", PersonRole.Owner, after: cursor, pageSize: 3);
            seen.AddRange(page.Items);
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(added.Select(a => a.Id).Order(), seen.Select(i => i.Id).Order());
        Assert.Equal(seen.OrderByDescending(i => i.OccurredAt).Select(i => i.OccurredAt), seen.Select(i => i.OccurredAt));
        Assert.All(seen, item => Assert.Equal("Lena", item.PersonName));
    }

    [Fact]
    public async Task MemberSeesOnlyOwnItemsAndManagerTheWholeReportingTree()
    {
        foreach (var person in new[] { "olivia", "hana", "sam", "lena", "erik", "nora" })
        {
            await workspace.AddActivityAsync(person, Noon);
        }

        var member = await StreamAsync("lena", PersonRole.Member);
        var manager = await StreamAsync("hana", PersonRole.Manager);
        var technicalAdmin = await StreamAsync("erik", PersonRole.TechnicalAdmin);
        var owner = await StreamAsync("olivia", PersonRole.Owner);

        Assert.Equal(["Lena"], member.Items.Select(i => i.PersonName));
        Assert.Equal(["Hana", "Lena", "Sam"], manager.Items.Select(i => i.PersonName).Order());
        Assert.Empty(technicalAdmin.Items);
        Assert.Equal(["Erik", "Hana", "Lena", "Olivia", "Sam"], owner.Items.Select(i => i.PersonName).Order());
    }

    [Fact]
    public async Task FiltersKeepTheTeamTheManagersTreeAndTheCategory()
    {
        await workspace.AddActivityAsync("lena", Noon, ActivityKind.Meeting);
        await workspace.AddActivityAsync("lena", Noon.AddMinutes(-1), ActivityKind.EmailSent);
        await workspace.AddActivityAsync("erik", Noon, ActivityKind.Meeting);
        await workspace.AddActivityAsync("hana", Noon, ActivityKind.Meeting);

        var sales = await StreamAsync("olivia", PersonRole.Owner, new ReportFilter(Team: "Sales"));
        var samsTree = await StreamAsync("olivia", PersonRole.Owner, new ReportFilter(ManagerId: workspace.People["sam"].Id));
        var meetings = await StreamAsync("olivia", PersonRole.Owner, new ReportFilter(Category: ActivityCategory.Meeting));

        Assert.Equal(["Hana", "Lena", "Lena"], sales.Items.Select(i => i.PersonName).Order());
        Assert.Equal(["Lena", "Lena"], samsTree.Items.Select(i => i.PersonName));
        Assert.Equal(3, meetings.Items.Count);
        Assert.All(meetings.Items, i => Assert.Equal(ActivityCategory.Meeting, i.Category));
    }

    [Fact]
    public async Task PersonFilterKeepsThatPersonsItemsAndNothingOfSomeoneTheViewerDoesNotSee()
    {
        foreach (var person in new[] { "lena", "sam", "erik", "nora" })
        {
            await workspace.AddActivityAsync(person, Noon);
        }

        var lenaForOwner = await StreamAsync("olivia", PersonRole.Owner, new ReportFilter(PersonId: workspace.People["lena"].Id));
        var lenaForHerManager = await StreamAsync("sam", PersonRole.Manager, new ReportFilter(PersonId: workspace.People["lena"].Id));
        var erikForSam = await StreamAsync("sam", PersonRole.Manager, new ReportFilter(PersonId: workspace.People["erik"].Id));
        var anotherWorkspacesPerson = await StreamAsync("olivia", PersonRole.Owner, new ReportFilter(PersonId: workspace.People["nora"].Id));

        Assert.Equal(["Lena"], lenaForOwner.Items.Select(i => i.PersonName));
        Assert.Equal(["Lena"], lenaForHerManager.Items.Select(i => i.PersonName));
        Assert.Empty(erikForSam.Items);
        Assert.Empty(anotherWorkspacesPerson.Items);
    }

    [Fact]
    public async Task ItemsShowTheirPersonsLocalTimeAndCity()
    {
        await workspace.AddActivityAsync("lena", Noon, ActivityKind.SignIn, new ActivityLocation("Chicago", "Illinois", "US", 41.88, -87.63));

        var item = Assert.Single((await StreamAsync("lena", PersonRole.Member)).Items);

        Assert.Equal(("Chicago", "US", ActivitySource.EntraId, "UTC"), (item.City, item.CountryOrRegion, item.Source, item.ZoneAbbreviation));
        Assert.Equal(new NodaTime.LocalDateTime(2026, 3, 2, 12, 0), item.LocalTime);
    }

    [Theory]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("abc-0193a1b2c3d4e5f60718293a4b5c6d7e")]
    [InlineData("99999999999999999999-0193a1b2c3d4e5f60718293a4b5c6d7e")]
    public void CursorRejectsWhatItDidNotWrite(string value) => Assert.False(StreamCursor.TryParse(value, out _));

    [Fact]
    public void CursorReadsWhatItWrote()
    {
        var cursor = new StreamCursor(Noon, Guid.CreateVersion7());

        Assert.True(StreamCursor.TryParse(cursor.ToString(), out var read));
        Assert.Equal(cursor, read);
    }
}
