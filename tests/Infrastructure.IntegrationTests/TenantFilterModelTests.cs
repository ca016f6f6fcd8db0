using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using WorkSights.Domain.Common;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Infrastructure.IntegrationTests;

/// <summary>SECURITY.md T1: every tenant-owned entity of the model carries the tenant filter.</summary>
public sealed class TenantFilterModelTests
{
    [Fact]
    public void EveryTenantOwnedEntityHasTheTenantFilter()
    {
        using var connection = new SqliteConnection("DataSource=:memory:");
        using var db = new ApplicationDbContext(new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite(connection).Options, new NoTenant());

        var tenantOwned = TenantOwnedEntities(db.Model);

        Assert.NotEmpty(tenantOwned);
        Assert.Empty(UnfilteredTenantOwnedEntities(db.Model));
    }

    [Fact]
    public void RuleReportsATenantOwnedEntityWithoutTheFilter()
    {
        using var connection = new SqliteConnection("DataSource=:memory:");
        using var db = new LeakyContext(new DbContextOptionsBuilder<LeakyContext>().UseSqlite(connection).Options);

        Assert.Equal([nameof(LeakyThing)], UnfilteredTenantOwnedEntities(db.Model));
    }

    private static List<IEntityType> TenantOwnedEntities(IModel model) =>
        model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).ToList();

    private static List<string> UnfilteredTenantOwnedEntities(IModel model) =>
        TenantOwnedEntities(model)
            .Where(t => !t.GetDeclaredQueryFilters().Any(f => f.Key == ApplicationDbContext.TenantFilter))
            .Select(t => t.ClrType.Name)
            .ToList();

    private sealed class NoTenant : Application.Common.Interfaces.ITenantContext
    {
        public Guid? TenantId => null;

        public IDisposable BeginScope(Guid tenantId) => throw new NotSupportedException();
    }

    private sealed class LeakyThing : ITenantOwned
    {
        public Guid Id { get; set; }

        public Guid TenantId { get; set; }
    }

    private sealed class LeakyContext(DbContextOptions<LeakyContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<LeakyThing>();
    }
}
