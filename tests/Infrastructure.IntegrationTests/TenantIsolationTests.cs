using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Infrastructure.IntegrationTests.Support;
using WorkSights.Infrastructure.Tenancy;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>Two organisations in one database (SECURITY.md T3, T4, T8).</summary>
public sealed class TenantIsolationTests : DirectoryImportTestBase
{
    [Fact]
    public async Task Fabrikam_imports_never_change_Contoso_rows_and_Contoso_imports_never_change_Fabrikam_rows()
    {
        var contoso = await CreateWorkspaceAsync(Contoso);
        var fabrikam = await CreateWorkspaceAsync(Fabrikam);
        Assert.Equal(DirectoryImportOutcome.Completed, (await ImportAsync(contoso)).Outcome);
        var contosoRows = PeopleRows(contoso);
        Assert.Empty(PeopleRows(fabrikam));

        Clock.Advance(TimeSpan.FromMinutes(5));
        var first = await ImportAsync(fabrikam);

        Assert.Equal(new DirectoryImportResult(DirectoryImportOutcome.Completed, CurrentMembers(Fabrikam).Count, 0, 0, true), first);
        Assert.Equal(contosoRows, PeopleRows(contoso));
        await AssertMatchesDirectoryAsync(fabrikam, Fabrikam);
        var fabrikamRows = PeopleRows(fabrikam);

        // Changes on both sides; each sync sees only its own organisation's.
        var contosoJoiner = Sandbox.Directory.AddUser(Contoso.TenantId, "Only Contoso", "Sales");
        var fabrikamJoiner = Sandbox.Directory.AddUser(Fabrikam.TenantId, "Only Fabrikam", "Sales");
        var fabrikamMembers = CurrentMembers(Fabrikam);
        var fabrikamLeaver = fabrikamMembers.Last(u => u.Id != fabrikamJoiner.Id && u.AccountEnabled && !fabrikamMembers.Any(m => m.ManagerId == u.Id));
        Sandbox.Directory.RemoveUser(Fabrikam.TenantId, fabrikamLeaver.Id);
        Clock.Advance(TimeSpan.FromMinutes(5));

        var contosoSync = await ImportAsync(contoso);
        Assert.Equal(new DirectoryImportResult(DirectoryImportOutcome.Completed, 1, 0, 0, false), contosoSync);
        Assert.Equal(fabrikamRows, PeopleRows(fabrikam));
        contosoRows = PeopleRows(contoso);

        var fabrikamSync = await ImportAsync(fabrikam);
        Assert.Equal(new DirectoryImportResult(DirectoryImportOutcome.Completed, 1, 0, 1, false), fabrikamSync);
        Assert.Equal(contosoRows, PeopleRows(contoso));

        // Forced full imports of both, concurrently, each as its own job with its own context and tenant scope.
        Sandbox.Faults.ExpireAllDeltaTokens();
        var results = await Task.WhenAll(Task.Run(() => ImportAsync(contoso)), Task.Run(() => ImportAsync(fabrikam)));
        Assert.All(results, r => Assert.Equal(new DirectoryImportResult(DirectoryImportOutcome.Completed, 0, 0, 0, true), r));
        Assert.Equal(contosoRows, PeopleRows(contoso));

        await AssertMatchesDirectoryAsync(contoso, Contoso);
        await AssertMatchesDirectoryAsync(fabrikam, Fabrikam);
        var contosoPeople = await PeopleAsync(contoso);
        var fabrikamPeople = await PeopleAsync(fabrikam);
        Assert.All(contosoPeople, p => Assert.Equal(contoso, p.TenantId));
        Assert.All(fabrikamPeople, p => Assert.Equal(fabrikam, p.TenantId));
        Assert.Contains(contosoPeople, p => p.ExternalId == contosoJoiner.Id);
        Assert.DoesNotContain(fabrikamPeople, p => p.ExternalId == contosoJoiner.Id);
        Assert.DoesNotContain(contosoPeople, p => p.ExternalId == fabrikamJoiner.Id);
        Assert.Empty(contosoPeople.Select(p => p.ExternalId).Intersect(fabrikamPeople.Select(p => p.ExternalId)));
        Assert.DoesNotContain(contosoPeople, p => p.Email.EndsWith("@fabrikam.com", StringComparison.Ordinal));

        var counts = Database.CountByTenant("People");
        Assert.Equal(contosoPeople.Count, counts[contoso]);
        Assert.Equal(fabrikamPeople.Count, counts[fabrikam]);
        Assert.Equal(2, counts.Count);
        Assert.Equal(1, Database.CountByTenant("DirectorySyncStates")[contoso]);
        Assert.Equal(1, Database.CountByTenant("DirectorySyncStates")[fabrikam]);
    }

    [Fact]
    public async Task Without_a_tenant_scope_people_match_nothing_and_writes_for_another_workspace_are_refused()
    {
        var contoso = await CreateWorkspaceAsync(Contoso);
        var fabrikam = await CreateWorkspaceAsync(Fabrikam);
        await ImportAsync(contoso);

        var tenantContext = new TenantContext();
        await using var db = Database.NewContext(tenantContext);
        Assert.Equal(0, await db.People.CountAsync());
        Assert.Equal(0, await db.DirectorySyncStates.CountAsync());

        using (tenantContext.BeginScope(fabrikam))
        {
            Assert.Equal(0, await db.People.CountAsync());
        }

        using (tenantContext.BeginScope(contoso))
        {
            var person = await db.People.FirstAsync(p => p.ProvisioningState != Domain.People.ProvisioningState.Blocked);
            using (tenantContext.BeginScope(fabrikam))
            {
                person.ChangeProvisioningState(Domain.People.ProvisioningState.Blocked);
                await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            }
        }
    }
}
