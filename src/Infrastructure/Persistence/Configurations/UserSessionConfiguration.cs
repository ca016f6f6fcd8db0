using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Sessions;

namespace WorkSights.Infrastructure.Persistence.Configurations;

/// <summary>Not tenant-owned: a sign-up session exists before its workspace does, and every request reads its session
/// before any workspace scope is open.</summary>
internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("Sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.IdHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(s => s.IdHash).IsUnique();
        builder.Property(s => s.ExternalTenantId).HasMaxLength(64).IsRequired();
        builder.Property(s => s.ObjectId).HasMaxLength(64).IsRequired();
        builder.HasIndex(s => s.PersonId);
        builder.Ignore(s => s.IsEnded);
    }
}
