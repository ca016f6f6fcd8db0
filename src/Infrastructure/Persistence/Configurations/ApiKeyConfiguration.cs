using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.ApiKeys;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(ApiKey.MaximumNameLength).IsRequired();
        builder.Property(k => k.ClientId).HasMaxLength(ApiKey.ClientIdLength).IsRequired();
        builder.Property(k => k.SecretHash).HasMaxLength(64).IsRequired();
        builder.Property(k => k.Scopes).HasMaxLength(200).IsRequired();
        builder.Ignore(k => k.ScopeList);
        builder.Ignore(k => k.IsRevoked);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Cascade);

        // The token endpoint finds a key by its client id before it knows the workspace: client ids are unique across
        // workspaces (128 random bits each), unlike the workspace-scoped unique keys of imported rows.
        builder.HasIndex(k => k.ClientId).IsUnique();
        builder.HasIndex(k => new { k.TenantId, k.CreatedAt });
    }
}
