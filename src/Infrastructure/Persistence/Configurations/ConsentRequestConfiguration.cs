using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Onboarding;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class ConsentRequestConfiguration : IEntityTypeConfiguration<ConsentRequest>
{
    public void Configure(EntityTypeBuilder<ConsentRequest> builder)
    {
        builder.ToTable("ConsentRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.StateHash).HasMaxLength(128).IsRequired();
        builder.HasIndex(r => r.StateHash).IsUnique();
        builder.Property(r => r.ExternalTenantId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.RequestedByObjectId).HasMaxLength(64).IsRequired();
    }
}
