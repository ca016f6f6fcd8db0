using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Scores;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class GroupDayConfiguration : IEntityTypeConfiguration<GroupDay>
{
    public void Configure(EntityTypeBuilder<GroupDay> builder)
    {
        builder.ToTable("GroupDays");
        builder.HasKey(g => new { g.TenantId, g.Team, g.Date });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(g => g.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(g => g.Team).HasMaxLength(200);
        builder.Property(g => g.ItemsByHour).AsHourlyCounts();
    }
}
