using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Activities;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

/// <summary>No foreign key to the activity: the record of a correction outlives an item its source later deleted.</summary>
internal sealed class ActivityCorrectionConfiguration : IEntityTypeConfiguration<ActivityCorrection>
{
    public void Configure(EntityTypeBuilder<ActivityCorrection> builder)
    {
        builder.ToTable("ActivityCorrections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.TenantId, c.ActivityId });
    }
}
