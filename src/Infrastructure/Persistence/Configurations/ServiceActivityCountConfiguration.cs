using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class ServiceActivityCountConfiguration : IEntityTypeConfiguration<ServiceActivityCount>
{
    public void Configure(EntityTypeBuilder<ServiceActivityCount> builder)
    {
        builder.ToTable("ServiceActivityCounts");
        builder.HasKey(c => new { c.TenantId, c.Kind });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
