using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class DirtyPersonDayConfiguration : IEntityTypeConfiguration<DirtyPersonDay>
{
    public void Configure(EntityTypeBuilder<DirtyPersonDay> builder)
    {
        builder.ToTable("DirtyPersonDays");
        builder.HasKey(d => new { d.TenantId, d.PersonId, d.Date });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
