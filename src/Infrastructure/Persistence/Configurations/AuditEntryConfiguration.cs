using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Action).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(300).IsRequired();
        builder.Property(e => e.Before).HasMaxLength(AuditEntry.MaximumValueLength);
        builder.Property(e => e.After).HasMaxLength(AuditEntry.MaximumValueLength);
        builder.Property(e => e.FromAddress).HasMaxLength(AuditActor.MaximumAddressLength);
        builder.HasIndex(e => new { e.TenantId, e.At });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
