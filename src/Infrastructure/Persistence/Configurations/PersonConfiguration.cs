using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.ExternalId).HasMaxLength(64).IsRequired();
        builder.HasIndex(p => new { p.TenantId, p.ExternalId }).IsUnique();
        builder.Property(p => p.Email).HasMaxLength(320).IsRequired();
        builder.HasIndex(p => new { p.TenantId, p.Email });
        // Names sort as people read them, "bob" beside "Bob": SQLite's NOCASE folds ASCII letters.
        builder.Property(p => p.DisplayName).HasMaxLength(256).IsRequired().UseCollation("NOCASE");
        builder.Property(p => p.Department).HasMaxLength(128);
        builder.Property(p => p.JobTitle).HasMaxLength(128);
        builder.Property(p => p.ManagerExternalId).HasMaxLength(64);
        builder.Property(p => p.DirectoryDepartment).HasMaxLength(128);
        builder.Property(p => p.DirectoryJobTitle).HasMaxLength(128);
        builder.Property(p => p.DirectoryManagerExternalId).HasMaxLength(64);
        builder.Property(p => p.TeamOverride).HasMaxLength(128);
        builder.Property(p => p.PositionOverride).HasMaxLength(128);
        builder.Property(p => p.ManagerOverrideExternalId).HasMaxLength(64);

        // The user directory of 10,000 people: each of its orders (name, team, role; then name and id) is an index that
        // also carries the status, so a page walks one index without reading a row or sorting everyone, and the count
        // of current people reads the status index alone; a search, which reads every name and address, and the login
        // access and provisioning state filters, which match few, read them from the name index rather than from every row.
        builder.HasIndex(p => new { p.TenantId, p.Status });
        builder.HasIndex(p => new { p.TenantId, p.DisplayName, p.Id, p.Status, p.Email, p.HasLoginAccess, p.ProvisioningState });
        builder.HasIndex(p => new { p.TenantId, p.Department, p.DisplayName, p.Id, p.Status });
        builder.HasIndex(p => new { p.TenantId, p.Role, p.DisplayName, p.Id, p.Status }).IsDescending(false, true, false, false, false);

        // A page's people read by id within the workspace: seeks along (workspace, id); with the workspace's filter and no
        // such index SQLite walked one of the workspace's indexes through everyone, testing each id.
        builder.HasIndex(p => new { p.TenantId, p.Id });

        // The directory filters by manager and finds each row's manager's name.
        builder.HasIndex(p => new { p.TenantId, p.ManagerExternalId });
        builder.HasIndex(p => new { p.TenantId, p.LinkedPersonId });
    }
}
