using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Observers;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class ObserverSettingsConfiguration : IEntityTypeConfiguration<ObserverSettings>
{
    public void Configure(EntityTypeBuilder<ObserverSettings> builder)
    {
        builder.ToTable("ObserverSettings");
        builder.HasKey(s => s.TenantId);
        builder.Ignore(s => s.Thresholds);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
