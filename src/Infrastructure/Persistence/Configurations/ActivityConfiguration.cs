using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("Activities");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.Category);
        builder.Property(a => a.Title).HasMaxLength(400);
        builder.Property(a => a.ExternalId).HasMaxLength(512).IsRequired();
        builder.Property(a => a.ClientIp).HasMaxLength(45);
        builder.Property(a => a.CloudProvider).HasMaxLength(Activity.MaximumCloudProviderLength);
        builder.OwnsOne(a => a.Location, location =>
        {
            location.Property(l => l.City).HasColumnName("LocationCity").HasMaxLength(ActivityLocation.MaximumNameLength);
            location.Property(l => l.State).HasColumnName("LocationState").HasMaxLength(ActivityLocation.MaximumNameLength);
            location.Property(l => l.CountryOrRegion).HasColumnName("LocationCountry").HasMaxLength(ActivityLocation.MaximumNameLength);
            location.Property(l => l.Latitude).HasColumnName("LocationLatitude");
            location.Property(l => l.Longitude).HasColumnName("LocationLongitude");
            location.Ignore(l => l.HasCoordinates);
            location.Ignore(l => l.IsKnown);
        });
        builder.Property(a => a.CreditedDuration).HasConversion(d => d.Ticks, t => TimeSpan.FromTicks(t));
        // The natural key, led by the person: a page of one person's items touches a few neighbouring pages of the index,
        // where the source's random ids alone would scatter every row of it to a page of its own.
        builder.HasIndex(a => new { a.TenantId, a.PersonId, a.Source, a.ExternalId }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.PersonId, a.OccurredAt });
        // The Activity Stream of everyone: a day's newest items in (time, id) order straight from the index, page by page,
        // instead of sorting every item of the workspace's day for each page.
        builder.HasIndex(a => new { a.TenantId, a.OccurredAt, a.Id });
        builder.HasIndex(a => new { a.TenantId, a.PersonId, a.Source, a.SyncedAt });
        builder.HasIndex(a => new { a.TenantId, a.Kind });
    }
}
