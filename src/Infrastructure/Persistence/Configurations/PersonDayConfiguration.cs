using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class PersonDayConfiguration : IEntityTypeConfiguration<PersonDay>
{
    public void Configure(EntityTypeBuilder<PersonDay> builder)
    {
        builder.ToTable("PersonDays");
        builder.HasKey(d => new { d.TenantId, d.PersonId, d.Date });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(d => d.ModelVersion).HasMaxLength(128).IsRequired();
        builder.Property(d => d.Summary).HasMaxLength(PersonDay.MaximumSummaryLength).IsRequired();
        builder.Ignore(d => d.LongestFocus);
        builder.Property(d => d.ItemsByHour).AsHourlyCounts();

        // Pages read one date (or a range) for many people; the person and the score make the index enough for a list of
        // who has a result that day and the order by score, without reading the wide rows.
        builder.HasIndex(d => new { d.TenantId, d.Date, d.PersonId, d.Score });
    }
}
