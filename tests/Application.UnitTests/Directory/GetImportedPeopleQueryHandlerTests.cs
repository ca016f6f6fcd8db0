using WorkSights.Application.Directory.GetImportedPeople;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.Tenancy;

namespace WorkSights.Application.UnitTests.Directory;

public sealed class GetImportedPeopleQueryHandlerTests : IDisposable
{
    private readonly TestDatabase database = new();
    private Guid tenantId;

    public void Dispose() => database.Dispose();

    private async Task SeedAsync()
    {
        tenantId = (await database.AddTenantAsync("tenant-a", "contoso.com")).Id;
        var other = await database.AddTenantAsync("tenant-b", "fabrikam.com");
        await database.AddPersonAsync(other.Id, "b-1", "alien@fabrikam.com");
        string[] names = ["eve", "alice", "dave", "carol", "bob"];
        foreach (var name in names)
        {
            await database.AddPersonAsync(tenantId, $"oid-{name}", $"{name}@contoso.com");
        }

        await database.AddPersonAsync(tenantId, "oid-link", "zed@fabrikam.com", ProvisioningState.Link);
        await database.AddPersonAsync(tenantId, "oid-svc", "svc-x@contoso.com", ProvisioningState.Blocked);
        await database.AddPersonAsync(tenantId, "oid-gone", "gone@contoso.com", change: p => p.MarkRemovedFromDirectory(database.Clock.GetUtcNow()));
    }

    private async Task<ImportedPeopleDto> QueryAsync(GetImportedPeopleQuery query)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return await new GetImportedPeopleQueryHandler(db, database.TenantContext).Handle(query, CancellationToken.None);
    }

    [Fact]
    public async Task OffersAsLinkTargetsOnlyCurrentUnblockedUnlinkedPeopleOfTheWorkspaceByName()
    {
        await SeedAsync();

        var result = await QueryAsync(new GetImportedPeopleQuery(ProvisioningState.Link, null));

        Assert.Equal(
            ["alice@contoso.com", "bob@contoso.com", "carol@contoso.com", "dave@contoso.com", "eve@contoso.com"],
            result.LinkCandidates!.Select(c => c.Email));
    }

    [Fact]
    public async Task ReturnsFirstPageOrderedByNameWithTotals()
    {
        await SeedAsync();

        var result = await QueryAsync(new GetImportedPeopleQuery(null, null, Page: 1, PageSize: 3));

        Assert.Equal(["alice", "bob", "carol"], result.People.Items.Select(p => p.DisplayName));
        Assert.Equal(7, result.People.TotalCount);
        Assert.Equal(3, result.People.PageCount);
        Assert.True(result.People.HasNext);
        Assert.False(result.People.HasPrevious);
    }

    [Fact]
    public async Task ReturnsLastPartialPage()
    {
        await SeedAsync();

        var result = await QueryAsync(new GetImportedPeopleQuery(null, null, Page: 3, PageSize: 3));

        Assert.Equal(["zed"], result.People.Items.Select(p => p.DisplayName));
        Assert.False(result.People.HasNext);
        Assert.True(result.People.HasPrevious);
    }

    [Fact]
    public async Task ExcludesRemovedPeopleAndOtherWorkspaces()
    {
        await SeedAsync();

        var result = await QueryAsync(new GetImportedPeopleQuery(null, null, PageSize: 50));

        Assert.DoesNotContain(result.People.Items, p => p.Email is "gone@contoso.com" or "alien@fabrikam.com");
        Assert.Equal(7, result.People.Items.Count);
    }

    [Fact]
    public async Task FiltersByStateButCountsEveryState()
    {
        await SeedAsync();

        var result = await QueryAsync(new GetImportedPeopleQuery(ProvisioningState.Blocked, null));

        var blocked = Assert.Single(result.People.Items);
        Assert.Equal("svc-x@contoso.com", blocked.Email);
        Assert.Equal(1, result.People.TotalCount);
        Assert.Equal(5, result.CountsByState[ProvisioningState.New]);
        Assert.Equal(1, result.CountsByState[ProvisioningState.Link]);
        Assert.Equal(1, result.CountsByState[ProvisioningState.Blocked]);
        Assert.Equal(0, result.CountsByState[ProvisioningState.AlreadyLinked]);
    }

    [Fact]
    public async Task SearchMatchesNameCaseInsensitively()
    {
        await SeedAsync();

        var result = await QueryAsync(new GetImportedPeopleQuery(null, "  CAR "));

        Assert.Equal("carol", Assert.Single(result.People.Items).DisplayName);
    }

    [Fact]
    public async Task ReturnsEmptySinglePageGivenNoPeople()
    {
        tenantId = (await database.AddTenantAsync("tenant-a", "contoso.com")).Id;

        var result = await QueryAsync(new GetImportedPeopleQuery(null, null));

        Assert.Empty(result.People.Items);
        Assert.Equal(1, result.People.PageCount);
        Assert.All(Enum.GetValues<ProvisioningState>(), s => Assert.Equal(0, result.CountsByState[s]));
    }
}
