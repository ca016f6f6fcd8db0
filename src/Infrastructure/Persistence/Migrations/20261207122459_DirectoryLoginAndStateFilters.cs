using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryLoginAndStateFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_DisplayName_Id_Status_Email",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_DisplayName_Id_Status_Email_HasLoginAccess_ProvisioningState",
                table: "People",
                columns: new[] { "TenantId", "DisplayName", "Id", "Status", "Email", "HasLoginAccess", "ProvisioningState" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_DisplayName_Id_Status_Email_HasLoginAccess_ProvisioningState",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_DisplayName_Id_Status_Email",
                table: "People",
                columns: new[] { "TenantId", "DisplayName", "Id", "Status", "Email" });
        }
    }
}
