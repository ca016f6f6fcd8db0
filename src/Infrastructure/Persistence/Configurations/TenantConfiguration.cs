using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Privacy;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("Tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(200).IsRequired();
        builder.Property(t => t.PrimaryDomain).HasMaxLength(253).IsRequired();
        builder.Property(t => t.ExternalTenantId).HasMaxLength(64).IsRequired();
        // A deleted workspace keeps its row until its data is erased; the organisation may sign up again meanwhile.
        builder.HasIndex(t => new { t.Provider, t.ExternalTenantId }).IsUnique().HasFilter($"\"Status\" <> {(int)TenantStatus.Deleted}");
        builder.Property(t => t.Industry).HasMaxLength(100);
        builder.Property(t => t.CountryCode).HasMaxLength(2);
        builder.Property(t => t.TimeZoneId).HasMaxLength(64);
        builder.Property(t => t.ScheduleWorkDays).HasMaxLength(20);
        builder.Property(t => t.MinimumGroupSize).HasDefaultValue(PrivacyMode.DefaultMinimumGroupSize);
        builder.Property(t => t.ProtectedPseudonymKey).HasMaxLength(1000);
        builder.Ignore(t => t.Details);
        builder.Ignore(t => t.IsSetupComplete);
    }
}
