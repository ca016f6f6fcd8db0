using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.People;
using WorkSights.Domain.Sessions;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.IntegrationTests.Support;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Infrastructure.Tenancy;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>The version a reporting page is cached under moves on with every committed write of its workspace, and only then.</summary>
public sealed class ReportedDataVersionsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase database = new();
    private readonly ReportedDataVersions versions = new();
    private readonly TenantContext tenantContext = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task SaveMovesItsOwnWorkspacesVersionOnAndNoOtherWorkspaces()
    {
        var (first, second) = (await SignUpAsync("a.example"), await SignUpAsync("b.example"));
        var untouched = versions.Of(second);
        var before = versions.Of(first);

        await InWorkspaceAsync(first, db => db.People.Add(NewPerson(first, "ada")));

        Assert.True(versions.Of(first) > before);
        Assert.Equal(untouched, versions.Of(second));
    }

    [Fact]
    public async Task SignUpOutsideAnyWorkspaceMovesEveryWorkspacesVersionOn()
    {
        var existing = await SignUpAsync("a.example");
        var before = versions.Of(existing);

        await SignUpAsync("b.example");

        Assert.True(versions.Of(existing) > before);
    }

    [Fact]
    public async Task SessionBookkeepingLeavesTheVersionAlone()
    {
        var workspace = await SignUpAsync("a.example");
        var before = versions.Of(workspace);

        await InWorkspaceAsync(workspace, db => db.Sessions.Add(UserSession.Start("hash", "tid", "oid", workspace, Guid.NewGuid(), Now)));

        Assert.Equal(before, versions.Of(workspace));
    }

    [Fact]
    public async Task WriteInsideATransactionMovesTheVersionOnOnlyOnceCommitted()
    {
        var workspace = await SignUpAsync("a.example");
        var before = versions.Of(workspace);
        var duringTransaction = 0L;

        using (tenantContext.BeginScope(workspace))
        {
            await using var db = Context();
            await db.InTransactionAsync(
                async () =>
                {
                    db.People.Add(NewPerson(workspace, "ada"));
                    await db.SaveChangesAsync();
                    duringTransaction = versions.Of(workspace);
                },
                CancellationToken.None);
        }

        Assert.Equal(before, duringTransaction);
        Assert.True(versions.Of(workspace) > before);
    }

    private ApplicationDbContext Context() =>
        new(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite(database.ConnectionString).Options, tenantContext, TimeProvider.System, versions);

    private async Task<Guid> SignUpAsync(string domain)
    {
        await using var db = Context();
        var tenant = Tenant.StartSignUp(IdentityProvider.Microsoft365, Guid.NewGuid().ToString(), domain, Now);
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant.Id;
    }

    private async Task InWorkspaceAsync(Guid workspace, Action<ApplicationDbContext> change)
    {
        using var scope = tenantContext.BeginScope(workspace);
        await using var db = Context();
        change(db);
        await db.SaveChangesAsync();
    }

    private static Person NewPerson(Guid workspace, string name) =>
        Person.Import(workspace, name, new DirectoryProfile($"{name}@example.com", name, null, null, null), ProvisioningState.New, Now);
}
