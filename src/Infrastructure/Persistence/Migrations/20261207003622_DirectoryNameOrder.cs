using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryNameOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_DisplayName",
                table: "People");

            migrationBuilder.AlterColumn<string>(
                name: "DisplayName",
                table: "People",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                collation: "NOCASE",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 256);

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_DisplayName_Id",
                table: "People",
                columns: new[] { "TenantId", "DisplayName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_DisplayName_Id",
                table: "People");

            migrationBuilder.AlterColumn<string>(
                name: "DisplayName",
                table: "People",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 256,
                oldCollation: "NOCASE");

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_DisplayName",
                table: "People",
                columns: new[] { "TenantId", "DisplayName" });
        }
    }
}
