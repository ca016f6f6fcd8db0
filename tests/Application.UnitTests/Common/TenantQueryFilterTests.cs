using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Directory.GetPerson;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Directory;
using WorkSights.Domain.People;
using WorkSights.Infrastructure.Tenancy;

namespace WorkSights.Application.UnitTests.Common;

public sealed class TenantQueryFilterTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    private async Task<(Guid A, Guid B)> TwoWorkspacesWithPeopleAsync()
    {
        var a = await database.AddTenantAsync("tenant-a", "a.example");
        var b = await database.AddTenantAsync("tenant-b", "b.example");
        await database.AddPersonAsync(a.Id, "a-1", "one@a.example");
        await database.AddPersonAsync(a.Id, "a-2", "two@a.example");
        await database.AddPersonAsync(b.Id, "b-1", "one@b.example");
        return (a.Id, b.Id);
    }

    [Fact]
    public async Task PeopleReturnsNothingWithoutTenantScope()
    {
        await TwoWorkspacesWithPeopleAsync();
        await using var db = database.CreateContext();

        Assert.Empty(await db.People.ToListAsync());
        Assert.Equal(3, await db.People.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task PeopleReturnsOnlyScopedWorkspacesRows()
    {
        var (a, _) = await TwoWorkspacesWithPeopleAsync();
        using var scope = database.TenantContext.BeginScope(a);
        await using var db = database.CreateContext();

        var people = await db.People.ToListAsync();

        Assert.Equal(["a-1", "a-2"], people.Select(p => p.ExternalId).Order());
        Assert.All(people, p => Assert.Equal(a, p.TenantId));
    }

    [Fact]
    public async Task InnerScopeWinsAndOuterScopeReturnsAfterDispose()
    {
        var (a, b) = await TwoWorkspacesWithPeopleAsync();
        await using var db = database.CreateContext();
        using var outer = database.TenantContext.BeginScope(a);

        using (database.TenantContext.BeginScope(b))
        {
            Assert.Equal(["b-1"], await db.People.Select(p => p.ExternalId).ToListAsync());
        }

        Assert.Equal(2, await db.People.CountAsync());
    }

    [Fact]
    public async Task SavingPersonOfAnotherWorkspaceThrows()
    {
        var (a, b) = await TwoWorkspacesWithPeopleAsync();
        using var scope = database.TenantContext.BeginScope(a);
        await using var db = database.CreateContext();
        db.People.Add(Person.Import(b, "b-2", new DirectoryProfile("two@b.example", "Two", null, null, null), ProvisioningState.New, database.Clock.GetUtcNow()));

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(CancellationToken.None));

        Assert.Single(await db.People.IgnoreQueryFilters().Where(p => p.TenantId == b).ToListAsync());
    }

    [Fact]
    public async Task SavingTenantOwnedRowWithoutScopeThrows()
    {
        var (a, _) = await TwoWorkspacesWithPeopleAsync();
        await using var db = database.CreateContext();
        db.DirectorySyncStates.Add(DirectorySyncState.For(a));

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ModifyingForeignPersonLoadedWithoutFilterThrows()
    {
        var (a, b) = await TwoWorkspacesWithPeopleAsync();
        using var scope = database.TenantContext.BeginScope(a);
        await using var db = database.CreateContext();
        var foreign = await db.People.IgnoreQueryFilters().SingleAsync(p => p.TenantId == b);
        foreign.MarkRemovedFromDirectory(database.Clock.GetUtcNow());

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetPersonThrowsNotFoundGivenPersonOfAnotherWorkspace()
    {
        var (a, b) = await TwoWorkspacesWithPeopleAsync();
        Guid foreignId;
        await using (var lookup = database.CreateContext())
        {
            foreignId = (await lookup.People.IgnoreQueryFilters().SingleAsync(p => p.TenantId == b)).Id;
        }

        using var scope = database.TenantContext.BeginScope(a);
        await using var db = database.CreateContext();

        await Assert.ThrowsAsync<NotFoundException>(async () => await new GetPersonQueryHandler(db).Handle(new GetPersonQuery(foreignId), CancellationToken.None));
    }

    [Fact]
    public void ScopesMustCloseInOrder()
    {
        var outer = database.TenantContext.BeginScope(Guid.NewGuid());
        using var inner = database.TenantContext.BeginScope(Guid.NewGuid());

        Assert.Throws<InvalidOperationException>(outer.Dispose);
    }
}
