using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Privacy;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class ShownGroupConfiguration : IEntityTypeConfiguration<ShownGroup>
{
    public void Configure(EntityTypeBuilder<ShownGroup> builder)
    {
        builder.ToTable("ShownGroups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Selection).HasMaxLength(200).IsRequired();
        builder.Property(g => g.Label).HasMaxLength(ShownGroup.MaximumLabelLength).IsRequired();
        builder.Property(g => g.Members).IsRequired();
        builder.Ignore(g => g.MemberSet);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(g => g.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.TenantId, g.Selection }).IsUnique();
        builder.HasIndex(g => new { g.TenantId, g.Size });
    }
}
