using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Directory;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class DirectorySyncStateConfiguration : IEntityTypeConfiguration<DirectorySyncState>
{
    public void Configure(EntityTypeBuilder<DirectorySyncState> builder)
    {
        builder.ToTable("DirectorySyncStates");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.TenantId).IsUnique();
        builder.Property(s => s.DeltaLink).HasMaxLength(4096);
        builder.Property(s => s.LastError).HasMaxLength(1000);
    }
}
