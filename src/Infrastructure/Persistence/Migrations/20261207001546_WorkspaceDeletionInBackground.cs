using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkspaceDeletionInBackground : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tenants_Provider_ExternalTenantId",
                table: "Tenants");

            migrationBuilder.AddColumn<long>(
                name: "DeletedAt",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tenants_Provider_ExternalTenantId",
                table: "Tenants",
                columns: new[] { "Provider", "ExternalTenantId" },
                unique: true,
                filter: "\"Status\" <> 4");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tenants_Provider_ExternalTenantId",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "Tenants");

            migrationBuilder.CreateIndex(
                name: "IX_Tenants_Provider_ExternalTenantId",
                table: "Tenants",
                columns: new[] { "Provider", "ExternalTenantId" },
                unique: true);
        }
    }
}
