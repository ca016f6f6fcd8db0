using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class FeedCheckpointConfiguration : IEntityTypeConfiguration<FeedCheckpoint>
{
    public void Configure(EntityTypeBuilder<FeedCheckpoint> builder)
    {
        builder.ToTable("FeedCheckpoints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.TenantId, c.Feed }).IsUnique();
    }
}
