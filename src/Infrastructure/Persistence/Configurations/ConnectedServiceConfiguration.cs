using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class ConnectedServiceConfiguration : IEntityTypeConfiguration<ConnectedService>
{
    public void Configure(EntityTypeBuilder<ConnectedService> builder)
    {
        builder.ToTable("ConnectedServices");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.TenantId, s.Provider }).IsUnique();
        builder.Property<int>("disabledFeatures").HasColumnName("DisabledFeatures");
        builder.Property(s => s.LastError).HasMaxLength(1000);
        builder.Ignore(s => s.EnabledFeatures);
        builder.Ignore(s => s.IsRunning);
        builder.Ignore(s => s.IsAuditLogOff);
    }
}
