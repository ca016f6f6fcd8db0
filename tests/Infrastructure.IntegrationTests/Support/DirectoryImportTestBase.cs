using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Domain.Directory;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Graph;
using WorkSights.Infrastructure.Tenancy;
using WorkSights.Sandbox;

namespace WorkSights.Infrastructure.IntegrationTests.Support;

/// <summary>
/// Each test gets its own sandbox (random loopback ports, freshly seeded directories), its own SQLite database and a
/// fake clock for the application; the import use case runs for real against both.
/// </summary>
public abstract class DirectoryImportTestBase : IAsyncLifetime
{
    protected static readonly SandboxTenantInfo Contoso = SandboxTenants.Contoso;
    protected static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    private SandboxGraph? sandbox;
    private TestDatabase? database;

    protected SandboxGraph Sandbox => sandbox ?? throw new InvalidOperationException("Not initialised.");

    protected TestDatabase Database => database ?? throw new InvalidOperationException("Not initialised.");

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The sandbox's clock: the system clock for directory tests; activity tests share the application's.</summary>
    protected virtual TimeProvider SandboxClock => TimeProvider.System;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxGraph.StartAsync(SandboxClock);
        database = new TestDatabase();
    }

    public async Task DisposeAsync()
    {
        database?.Dispose();
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }
    }

    /// <summary>A consented Microsoft 365 workspace for the sandbox organisation.</summary>
    protected async Task<Guid> CreateWorkspaceAsync(SandboxTenantInfo organisation)
    {
        await using var db = Database.NewContext(new TenantContext());
        var now = Clock.GetUtcNow();
        var tenant = Tenant.StartSignUp(IdentityProvider.Microsoft365, organisation.TenantId, organisation.PrimaryDomain, now);
        tenant.GrantConsent(now);
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant.Id;
    }

    /// <summary>Runs the real use case the way a background job would: its own context and tenant context.</summary>
    protected async Task<DirectoryImportResult> ImportAsync(Guid tenantId)
    {
        var tenantContext = new TenantContext();
        await using var db = Database.NewContext(tenantContext);
        var handler = new ImportDirectoryCommandHandler(db, tenantContext, Sandbox.Reader, new GraphMailboxSettingsReader(Sandbox.Clients), Clock);
        var result = await handler.Handle(new ImportDirectoryCommand(tenantId), CancellationToken.None);
        Assert.Null(tenantContext.TenantId);
        return result;
    }

    /// <summary>The workspace's people, read through EF under the workspace's own scope.</summary>
    protected async Task<List<Person>> PeopleAsync(Guid tenantId)
    {
        var tenantContext = new TenantContext();
        await using var db = Database.NewContext(tenantContext);
        using var scope = tenantContext.BeginScope(tenantId);
        return await db.People.AsNoTracking().OrderBy(p => p.ExternalId).ToListAsync();
    }

    /// <summary>The guests and shared, room and equipment mailboxes the import recorded instead of importing them.</summary>
    protected async Task<List<NotImportedIdentity>> NotImportedAsync(Guid tenantId)
    {
        var tenantContext = new TenantContext();
        await using var db = Database.NewContext(tenantContext);
        using var scope = tenantContext.BeginScope(tenantId);
        return await db.NotImportedIdentities.AsNoTracking().OrderBy(p => p.ExternalId).ToListAsync();
    }

    protected async Task<Dictionary<string, Person>> PeopleByIdAsync(Guid tenantId) =>
        (await PeopleAsync(tenantId)).ToDictionary(p => p.ExternalId, StringComparer.OrdinalIgnoreCase);

    protected async Task<DirectorySyncState?> SyncStateAsync(Guid tenantId)
    {
        var tenantContext = new TenantContext();
        await using var db = Database.NewContext(tenantContext);
        using var scope = tenantContext.BeginScope(tenantId);
        return await db.DirectorySyncStates.AsNoTracking().SingleOrDefaultAsync();
    }

    protected async Task<Tenant> TenantAsync(Guid tenantId)
    {
        await using var db = Database.NewContext(new TenantContext());
        return await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId);
    }

    protected async Task UpdateTenantAsync(Guid tenantId, Action<Tenant> change)
    {
        await using var db = Database.NewContext(new TenantContext());
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId);
        change(tenant);
        await db.SaveChangesAsync();
    }

    /// <summary>Every column of every People row of the workspace, as plain SQL sees it.</summary>
    protected IReadOnlyList<string> PeopleRows(Guid tenantId) => Database.RawRows("People", tenantId);

    /// <summary>What the import should hold: every current member (guests are never stored).</summary>
    /// <summary>The directory's members who are people: neither guests nor shared, room or equipment mailboxes.</summary>
    protected IReadOnlyList<SandboxUser> CurrentMembers(SandboxTenantInfo organisation) =>
        [.. Sandbox.Directory.GetUsers(organisation.TenantId).Where(u => u.UserType != "Guest" && u.MailboxPurpose is null or "user")];

    /// <summary>The people not removed match the directory's current members, id for id and field for field.</summary>
    protected async Task AssertMatchesDirectoryAsync(Guid tenantId, SandboxTenantInfo organisation)
    {
        var members = CurrentMembers(organisation);
        var people = await PeopleAsync(tenantId);
        var active = people.Where(p => p.Status != PersonStatus.Removed).ToDictionary(p => p.ExternalId, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(members.Select(m => m.Id).Order(StringComparer.Ordinal), active.Keys.Order(StringComparer.Ordinal));
        foreach (var member in members)
        {
            var person = active[member.Id];
            Assert.Equal(tenantId, person.TenantId);
            Assert.Equal((member.Mail ?? member.UserPrincipalName).ToLowerInvariant(), person.Email);
            Assert.Equal(member.DisplayName, person.DisplayName);
            Assert.Equal(member.Department, person.Department);
            Assert.Equal(member.JobTitle, person.JobTitle);
            Assert.Equal(member.ManagerId, person.ManagerExternalId);
        }
    }
}
