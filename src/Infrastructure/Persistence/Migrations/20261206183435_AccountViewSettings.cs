using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AccountViewSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RetentionDays",
                table: "Tenants",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FromAddress",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 45,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RetentionDays",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "FromAddress",
                table: "AuditEntries");
        }
    }
}
