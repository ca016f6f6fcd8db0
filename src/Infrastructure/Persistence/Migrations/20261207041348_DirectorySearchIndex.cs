using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DirectorySearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_DisplayName_Id_Status",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_DisplayName_Id_Status_Email",
                table: "People",
                columns: new[] { "TenantId", "DisplayName", "Id", "Status", "Email" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_DisplayName_Id_Status_Email",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_DisplayName_Id_Status",
                table: "People",
                columns: new[] { "TenantId", "DisplayName", "Id", "Status" });
        }
    }
}
