using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_Department",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_DisplayName_Id",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_Department_DisplayName_Id_Status",
                table: "People",
                columns: new[] { "TenantId", "Department", "DisplayName", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_DisplayName_Id_Status_Email",
                table: "People",
                columns: new[] { "TenantId", "DisplayName", "Id", "Status", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_Id",
                table: "People",
                columns: new[] { "TenantId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_Role_DisplayName_Id_Status",
                table: "People",
                columns: new[] { "TenantId", "Role", "DisplayName", "Id", "Status" },
                descending: new[] { false, true, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_Status",
                table: "People",
                columns: new[] { "TenantId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_Department_DisplayName_Id_Status",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_DisplayName_Id_Status_Email",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_Id",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_Role_DisplayName_Id_Status",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_Status",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_Department",
                table: "People",
                columns: new[] { "TenantId", "Department" });

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_DisplayName_Id",
                table: "People",
                columns: new[] { "TenantId", "DisplayName", "Id" });
        }
    }
}
