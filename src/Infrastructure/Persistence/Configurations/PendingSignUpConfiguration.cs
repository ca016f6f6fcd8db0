using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Onboarding;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class PendingSignUpConfiguration : IEntityTypeConfiguration<PendingSignUp>
{
    public void Configure(EntityTypeBuilder<PendingSignUp> builder)
    {
        builder.ToTable("PendingSignUps");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.ExternalTenantId).HasMaxLength(64).IsRequired();
        builder.Property(p => p.ObjectId).HasMaxLength(64).IsRequired();
        builder.HasIndex(p => new { p.ExternalTenantId, p.ObjectId }).IsUnique();
        builder.Property(p => p.Email).HasMaxLength(320).IsRequired();
        builder.Property(p => p.DisplayName).HasMaxLength(256).IsRequired();
    }
}
