using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Scores;
using WorkSights.Domain.Tenants;

namespace WorkSights.Infrastructure.Persistence.Configurations;

internal sealed class WorkspaceCreditingConfiguration : IEntityTypeConfiguration<WorkspaceCrediting>
{
    public void Configure(EntityTypeBuilder<WorkspaceCrediting> builder)
    {
        builder.ToTable("WorkspaceCrediting");
        builder.HasKey(c => c.TenantId);
        builder.Ignore(c => c.Table);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
