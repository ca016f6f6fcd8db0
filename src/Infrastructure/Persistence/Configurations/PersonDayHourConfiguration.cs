using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class PersonDayHourConfiguration : IEntityTypeConfiguration<PersonDayHour>
{
    public void Configure(EntityTypeBuilder<PersonDayHour> builder)
    {
        builder.ToTable("PersonDayHours");
        builder.HasKey(h => new { h.TenantId, h.PersonId, h.Date, h.Hour });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(h => h.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(h => new { h.TenantId, h.Date });
    }
}
