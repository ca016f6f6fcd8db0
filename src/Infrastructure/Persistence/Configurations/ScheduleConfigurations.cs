using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.People;
using WorkSights.Domain.Schedules;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class NamedScheduleConfiguration : IEntityTypeConfiguration<NamedSchedule>
{
    public void Configure(EntityTypeBuilder<NamedSchedule> builder)
    {
        builder.ToTable("NamedSchedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(NamedSchedule.MaximumNameLength).IsRequired();
        builder.Property(s => s.Pattern).HasMaxLength(120).IsRequired();
        builder.Ignore(s => s.Week);
        builder.HasIndex(s => new { s.TenantId, s.Name }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomScheduleConfiguration : IEntityTypeConfiguration<CustomSchedule>
{
    public void Configure(EntityTypeBuilder<CustomSchedule> builder)
    {
        builder.ToTable("CustomSchedules");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Label).HasMaxLength(CustomSchedule.MaximumLabelLength).IsRequired();
        builder.Property(s => s.Pattern).HasMaxLength(120).IsRequired();
        builder.Ignore(s => s.Week);
        builder.HasIndex(s => new { s.TenantId, s.PersonId, s.From });
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonScheduleSettingsConfiguration : IEntityTypeConfiguration<PersonScheduleSettings>
{
    public void Configure(EntityTypeBuilder<PersonScheduleSettings> builder)
    {
        builder.ToTable("PersonScheduleSettings");
        builder.HasKey(s => s.PersonId);
        builder.Property(s => s.HolidayRegion).HasMaxLength(2);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64);
        builder.HasIndex(s => s.TenantId);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<NamedSchedule>().WithMany().HasForeignKey(s => s.NamedScheduleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HolidayObservanceConfiguration : IEntityTypeConfiguration<HolidayObservance>
{
    public void Configure(EntityTypeBuilder<HolidayObservance> builder)
    {
        builder.ToTable("HolidayObservances");
        builder.HasKey(h => h.TenantId);
        builder.Property(h => h.Regions).HasMaxLength(200).IsRequired();
        builder.Property(h => h.DefaultRegion).HasMaxLength(2);
        builder.Ignore(h => h.ObservedRegions);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
