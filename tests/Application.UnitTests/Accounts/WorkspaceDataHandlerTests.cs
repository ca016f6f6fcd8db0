using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts.DataExports;
using WorkSights.Application.Accounts.DeleteWorkspace;
using WorkSights.Application.Accounts.EraseDeletedWorkspace;
using WorkSights.Application.Accounts.ErasePerson;
using WorkSights.Application.Accounts.ExportWorkspace;
using WorkSights.Application.Accounts.GetWorkspaceData;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.UnitTests.Reporting;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Common;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;
using static WorkSights.Application.UnitTests.Support.FakeDirectoryReader;

namespace WorkSights.Application.UnitTests.Accounts;

public sealed class WorkspaceDataHandlerTests : IDisposable
{
    private const string ContosoId = "3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d";
    private const string FabrikamId = "8a7b6c5d-2222-4a1b-9c8d-7e6f5a4b3c21";

    private readonly TestDatabase database = new();
    private readonly ForgettingTokens tokens = new();
    private readonly CountingErasureSignal erasure = new();
    private readonly FakeDirectoryReader directory = new();
    private readonly RecordingRecomputer recomputer = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task ErasureRemovesThePersonsRowsKeepsOnlyTheirDirectoryIdAndNamesThemNowhereInTheAuditLog()
    {
        var (tenant, owner) = await WorkspaceWithOwnerAsync(ContosoId, "contoso.com");
        var ada = await database.AddPersonAsync(tenant.Id, "oid-ada", "ada@contoso.com");
        await InWorkspaceAsync(tenant.Id, db =>
        {
            db.ErasureRequests.Add(ErasureRequest.By(ada, database.Clock.GetUtcNow()));
            db.AuditEntries.Add(AuditEntry.Record(tenant.Id, new AuditActor(owner.Id, null), database.Clock.GetUtcNow(), "person.team.changed", ada.DisplayName, null, "Research"));
            db.AuditEntries.Add(AuditEntry.Record(tenant.Id, new AuditActor(owner.Id, null), database.Clock.GetUtcNow(), "person.manager.changed", "bob", ada.DisplayName, null));
            return Task.CompletedTask;
        });

        var erasure = await EraseAsync(tenant.Id, owner.Id, ada.Id);

        Assert.Contains(erasure.Tables, t => t.Table == "People" && t.Count == 1);
        Assert.Contains(erasure.Tables, t => t.Table == "ErasureRequests" && t.Count == 1);
        await InWorkspaceAsync(tenant.Id, async db =>
        {
            Assert.False(await db.People.AnyAsync(p => p.Id == ada.Id));
            Assert.Equal("oid-ada", (await db.ErasedIdentities.SingleAsync()).ExternalId);
            var log = await db.AuditEntries.ToListAsync();
            Assert.DoesNotContain(log, e => e.Subject == ada.DisplayName || e.Before == ada.DisplayName || e.After == ada.DisplayName);
            Assert.Contains(log, e => e.Action == "person.erased" && e.Subject == ErasePersonCommandHandler.ErasedSubject && e.ByPersonId == owner.Id);
        });

        directory.Returns(Page("delta-1", Member("oid-ada", "ada@contoso.com", "Ada"), Member("oid-owner", "owner@contoso.com", "Owner")));
        await using (var db = database.CreateContext())
        {
            await new ImportDirectoryCommandHandler(db, database.TenantContext, directory, new FakeMailboxSettingsReader(), database.Clock).Handle(new ImportDirectoryCommand(tenant.Id), CancellationToken.None);
        }

        Assert.DoesNotContain("oid-ada", (await database.PeopleOfAsync(tenant.Id)).Keys);
    }

    [Fact]
    public async Task ErasureRefusesTheLastOwnerAndAPersonOfAnotherWorkspace()
    {
        var (contoso, owner) = await WorkspaceWithOwnerAsync(ContosoId, "contoso.com");
        var (_, foreignOwner) = await WorkspaceWithOwnerAsync(FabrikamId, "fabrikam.com");

        await Assert.ThrowsAsync<DomainRuleViolationException>(() => EraseAsync(contoso.Id, owner.Id, owner.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => EraseAsync(contoso.Id, owner.Id, foreignOwner.Id));

        Assert.Contains("oid-owner", (await database.PeopleOfAsync(contoso.Id)).Keys);
        Assert.Contains("oid-owner", (await database.PeopleOfAsync(foreignOwner.TenantId)).Keys);
    }

    [Fact]
    public async Task DeletionNeedsTheWorkspacesNameThenClosesItAtOnceForgetsItsTokensAndWakesTheErasure()
    {
        var (contoso, owner) = await WorkspaceWithOwnerAsync(ContosoId, "contoso.com");
        var (fabrikam, _) = await WorkspaceWithOwnerAsync(FabrikamId, "fabrikam.com");
        await database.AddPersonAsync(contoso.Id, "oid-ada", "ada@contoso.com");

        await Assert.ThrowsAsync<DomainRuleViolationException>(() => DeleteAsync(contoso.Id, owner.Id, "Contoso"));
        Assert.Equal(2, (await database.PeopleOfAsync(contoso.Id)).Count);
        Assert.Equal(0, erasure.WakeUps);

        var receipt = await DeleteAsync(contoso.Id, owner.Id, " contoso.com ");

        Assert.Equal(("contoso.com", "owner", 3), (receipt.WorkspaceName, receipt.DeletedBy, receipt.Tables.Where(t => t.Table is "People" or "Tenants").Sum(t => t.Count)));
        Assert.Equal(new[] { ContosoId }, tokens.Forgotten);
        Assert.Equal(1, erasure.WakeUps);
        await using var db = database.CreateContext();
        Assert.False(await db.Tenants.AnyAsync(t => t.Id == contoso.Id));
        var deleted = await db.Tenants.IgnoreQueryFilters().SingleAsync(t => t.Id == contoso.Id);
        Assert.Equal((TenantStatus.Deleted, database.Clock.GetUtcNow()), (deleted.Status, deleted.DeletedAt));
        Assert.Equal(2, (await database.PeopleOfAsync(contoso.Id)).Count);
        Assert.True(await db.Tenants.AnyAsync(t => t.Id == fabrikam.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => DeleteAsync(contoso.Id, owner.Id, "contoso.com"));
    }

    [Fact]
    public async Task ErasureRemovesADeletedWorkspacesRowsInBatchesAndNeverTouchesAnOpenOne()
    {
        var (contoso, owner) = await WorkspaceWithOwnerAsync(ContosoId, "contoso.com");
        var (fabrikam, _) = await WorkspaceWithOwnerAsync(FabrikamId, "fabrikam.com");
        for (var i = 0; i < 5; i++)
        {
            await database.AddPersonAsync(contoso.Id, $"oid-{i}", $"person{i}@contoso.com");
        }

        await Assert.ThrowsAsync<DomainRuleViolationException>(() => EraseAsync(contoso.Id));
        Assert.Equal(6, (await database.PeopleOfAsync(contoso.Id)).Count);

        await DeleteAsync(contoso.Id, owner.Id, "contoso.com");
        var erased = await EraseAsync(contoso.Id);

        Assert.Equal(7, erased);
        await using var db = database.CreateContext();
        Assert.False(await db.Tenants.IgnoreQueryFilters().AnyAsync(t => t.Id == contoso.Id));
        Assert.Empty(await database.PeopleOfAsync(contoso.Id));
        Assert.Single(await database.PeopleOfAsync(fabrikam.Id));
        Assert.Equal(0, await EraseAsync(contoso.Id));
    }

    [Fact]
    public async Task ExportIsAuditedAndItsFilesReadTheWorkspacesRowsInKeyOrder()
    {
        var (contoso, owner) = await WorkspaceWithOwnerAsync(ContosoId, "contoso.com");
        await database.AddPersonAsync(contoso.Id, "oid-ada", "ada@contoso.com");
        await WorkspaceWithOwnerAsync(FabrikamId, "fabrikam.com");

        using var scope = database.TenantContext.BeginScope(contoso.Id);
        await using var db = database.CreateContext();
        var export = await new ExportWorkspaceCommandHandler(db, database.TenantContext, new FakeCurrentUser(PersonRole.Owner, owner.Id), TestPseudonymKeys.Instance, database.Clock)
            .Handle(new ExportWorkspaceCommand(ExportFormat.Json), CancellationToken.None);

        Assert.Equal(new[] { "people", "activities", "person-days", "audit-log" }, export.Tables.Select(t => t.Name));
        var people = new List<object?[]>();
        await foreach (var row in export.Tables[0].Rows)
        {
            people.Add(row);
        }

        Assert.Equal(2, people.Count);
        var ids = people.Select(r => ((Guid)r[0]!).ToString().ToUpperInvariant()).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.All(people, r => Assert.EndsWith("@contoso.com", (string)r[2]!, StringComparison.Ordinal));
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == "workspace.exported");
        Assert.Equal("JSON: 2 people, 0 activities, 0 person-days, 0 audit-log", audit.After);
    }

    [Fact]
    public async Task WorkspaceActivitiesAreExportedInTimeOrderAlongAnIndexWithoutSortingGivenSeveralPeople()
    {
        var (contoso, owner) = await WorkspaceWithOwnerAsync(ContosoId, "contoso.com");
        var ada = await database.AddPersonAsync(contoso.Id, "oid-ada", "ada@contoso.com");
        var (fabrikam, stranger) = await WorkspaceWithOwnerAsync(FabrikamId, "fabrikam.com");
        var start = database.Clock.GetUtcNow().AddDays(-2);
        await InWorkspaceAsync(contoso.Id, db =>
        {
            db.Activities.AddRange(
                Sent(contoso.Id, ada.Id, start.AddHours(3), "late"),
                Sent(contoso.Id, owner.Id, start.AddHours(1), "early"),
                Sent(contoso.Id, ada.Id, start.AddHours(2), "middle"));
            return Task.CompletedTask;
        });
        await InWorkspaceAsync(fabrikam.Id, db =>
        {
            db.Activities.Add(Sent(fabrikam.Id, stranger.Id, start, "foreign"));
            return Task.CompletedTask;
        });

        var reads = new ReaderCommands();
        using var scope = database.TenantContext.BeginScope(contoso.Id);
        await using var db = database.CreateContext(reads);
        var export = await new ExportWorkspaceCommandHandler(db, database.TenantContext, new FakeCurrentUser(PersonRole.Owner, owner.Id), TestPseudonymKeys.Instance, database.Clock)
            .Handle(new ExportWorkspaceCommand(ExportFormat.Csv), CancellationToken.None);
        reads.Commands.Clear();
        var titles = new List<string?>();
        await foreach (var row in export.Tables.Single(t => t.Name == "activities").Rows)
        {
            titles.Add((string?)row[7]);
        }

        Assert.Equal(["early", "middle", "late"], titles);
        var plan = await ReaderCommands.PlanAsync(db, Assert.Single(reads.Commands));

        // A temporary B-tree would hold every activity of the workspace in memory before the first row went out.
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private static Activity Sent(Guid tenantId, Guid personId, DateTimeOffset at, string title) =>
        Activity.Record(new ActivityRecord(tenantId, personId, ActivityKind.EmailSent, ActivitySource.Outlook, at, TimeSpan.FromMinutes(5), title, 1, false, $"{title}-{at:HHmm}"), at);

    [Theory]
    [InlineData(PersonRole.TechnicalAdmin)]
    [InlineData(PersonRole.Executive)]
    [InlineData(PersonRole.Manager)]
    [InlineData(PersonRole.Member)]
    [InlineData(null)]
    public async Task OnlyAnOwnerReachesTheWorkspaceDataHandlers(PersonRole? role)
    {
        Assert.False(await AuthorizationProbe.ReachesHandlerAsync<ExportWorkspaceCommand, DataExport>(role, new ExportWorkspaceCommand(ExportFormat.Csv)));
        Assert.False(await AuthorizationProbe.ReachesHandlerAsync<DeleteWorkspaceCommand, WorkspaceDeletionReceipt>(role, new DeleteWorkspaceCommand("x")));
        Assert.False(await AuthorizationProbe.ReachesHandlerAsync<ErasePersonCommand, PersonErasure>(role, new ErasePersonCommand(Guid.NewGuid())));
        Assert.False(await AuthorizationProbe.ReachesHandlerAsync<GetWorkspaceDataQuery, WorkspaceDataDto>(role, new GetWorkspaceDataQuery()));
        Assert.True(await AuthorizationProbe.ReachesHandlerAsync<ErasePersonCommand, PersonErasure>(PersonRole.Owner, new ErasePersonCommand(Guid.NewGuid())));
    }

    private async Task<(Tenant Tenant, Person Owner)> WorkspaceWithOwnerAsync(string externalTenantId, string domain)
    {
        var tenant = await database.AddTenantAsync(externalTenantId, domain);
        var owner = await database.AddPersonAsync(tenant.Id, "oid-owner", $"owner@{domain}", ProvisioningState.AlreadyLinked, p =>
        {
            p.GrantLoginAccess();
            p.AssignRole(PersonRole.Owner);
        });
        return (tenant, owner);
    }

    private async Task InWorkspaceAsync(Guid tenantId, Func<ApplicationDbContext, Task> use)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        await use(db);
        await db.SaveChangesAsync();
    }

    private async Task<PersonErasure> EraseAsync(Guid tenantId, Guid ownerId, Guid personId)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return await new ErasePersonCommandHandler(db, database.TenantContext, new FakeCurrentUser(PersonRole.Owner, ownerId), new ModelOwnedRows(db), recomputer, database.Clock)
            .Handle(new ErasePersonCommand(personId), CancellationToken.None);
    }

    private async Task<WorkspaceDeletionReceipt> DeleteAsync(Guid tenantId, Guid ownerId, string name)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return await new DeleteWorkspaceCommandHandler(db, database.TenantContext, new FakeCurrentUser(PersonRole.Owner, ownerId), new ModelOwnedRows(db), tokens, erasure, database.Clock)
            .Handle(new DeleteWorkspaceCommand(name), CancellationToken.None);
    }

    /// <summary>Two rows a batch, so that a workspace of a few rows takes several.</summary>
    private async Task<int> EraseAsync(Guid tenantId)
    {
        using var scope = database.TenantContext.BeginScope(tenantId);
        await using var db = database.CreateContext();
        return await new EraseDeletedWorkspaceCommandHandler(db, database.TenantContext, new ModelOwnedRows(db)).Handle(new EraseDeletedWorkspaceCommand(BatchSize: 2), CancellationToken.None);
    }

    private sealed class CountingErasureSignal : IWorkspaceErasureSignal
    {
        public int WakeUps { get; private set; }

        public void Wake() => WakeUps++;
    }

    private sealed class ForgettingTokens : IConnectionTokens
    {
        public List<string> Forgotten { get; } = [];

        public void Forget(string externalTenantId) => Forgotten.Add(externalTenantId);
    }
}
