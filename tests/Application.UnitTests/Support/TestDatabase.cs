using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Infrastructure.Tenancy;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>A real SQLite database in memory, migrated like production, with a tenant context and a fake clock.</summary>
internal sealed class TestDatabase : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly SqliteConnection connection;
    private readonly DbContextOptions<ApplicationDbContext> options;

    public TestDatabase()
    {
        connection = new SqliteConnection("DataSource=:memory:");
        connection.Open();
        options = new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite(connection).Options;
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public TenantContext TenantContext { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Start);

    public ApplicationDbContext CreateContext() => new(options, TenantContext);

    /// <summary>A context whose commands also pass through <paramref name="interceptors"/> (to count statements).</summary>
    public ApplicationDbContext CreateContext(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite(connection).AddInterceptors(interceptors).Options, TenantContext);

    public async Task<Tenant> AddTenantAsync(string externalTenantId, string domain, bool active = true)
    {
        var tenant = Tenant.StartSignUp(IdentityProvider.Microsoft365, externalTenantId, domain, Clock.GetUtcNow());
        if (active)
        {
            tenant.GrantConsent(Clock.GetUtcNow());
        }

        await using var db = CreateContext();
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant;
    }

    public async Task<Person> AddPersonAsync(Guid tenantId, string externalId, string email, ProvisioningState state = ProvisioningState.New, Action<Person>? change = null)
    {
        var person = Person.Import(tenantId, externalId, new DirectoryProfile(email, email.Split('@')[0], null, null, null), state, Clock.GetUtcNow());
        change?.Invoke(person);
        using var scope = TenantContext.BeginScope(tenantId);
        await using var db = CreateContext();
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    /// <summary>Every person of the workspace, read fresh, keyed by external id.</summary>
    public async Task<Dictionary<string, Person>> PeopleOfAsync(Guid tenantId)
    {
        using var scope = TenantContext.BeginScope(tenantId);
        await using var db = CreateContext();
        return await db.People.AsNoTracking().ToDictionaryAsync(p => p.ExternalId);
    }

    public async Task<Tenant> TenantAsync(Guid tenantId)
    {
        await using var db = CreateContext();
        return await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId);
    }

    public void Dispose() => connection.Dispose();
}
