using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ManagedPeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DirectoryDepartment",
                table: "People",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DirectoryJobTitle",
                table: "People",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DirectoryManagerExternalId",
                table: "People",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ManagerOverrideExternalId",
                table: "People",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PositionOverride",
                table: "People",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TeamOverride",
                table: "People",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            // Until now the directory's values were the only ones: they become the directory's and stay the effective ones.
            migrationBuilder.Sql("UPDATE People SET DirectoryDepartment = Department, DirectoryJobTitle = JobTitle, DirectoryManagerExternalId = ManagerExternalId;");

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_Department",
                table: "People",
                columns: new[] { "TenantId", "Department" });

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_ManagerExternalId",
                table: "People",
                columns: new[] { "TenantId", "ManagerExternalId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_Department",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_ManagerExternalId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "DirectoryDepartment",
                table: "People");

            migrationBuilder.DropColumn(
                name: "DirectoryJobTitle",
                table: "People");

            migrationBuilder.DropColumn(
                name: "DirectoryManagerExternalId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ManagerOverrideExternalId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "PositionOverride",
                table: "People");

            migrationBuilder.DropColumn(
                name: "TeamOverride",
                table: "People");
        }
    }
}
