using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class PersonMailboxSettingsConfiguration : IEntityTypeConfiguration<PersonMailboxSettings>
{
    public void Configure(EntityTypeBuilder<PersonMailboxSettings> builder)
    {
        builder.ToTable("PersonMailboxSettings");
        builder.HasKey(s => s.PersonId);
        builder.Property(s => s.PersonId).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.TenantId);
        builder.Property(s => s.TimeZoneId).HasMaxLength(PersonMailboxSettings.ZoneIdMaxLength);
        builder.Property(s => s.WorkingHoursTimeZoneId).HasMaxLength(PersonMailboxSettings.ZoneIdMaxLength);
        builder.Ignore(s => s.WorkDays);
    }
}
