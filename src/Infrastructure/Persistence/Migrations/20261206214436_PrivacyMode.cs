using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PrivacyMode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MinimumGroupSize",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 5);

            migrationBuilder.AddColumn<bool>(
                name: "PrivacyModeOn",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ProtectedPseudonymKey",
                table: "Tenants",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ShownGroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Selection = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Members = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ShownAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShownGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShownGroups_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ShownGroups_TenantId_Selection",
                table: "ShownGroups",
                columns: new[] { "TenantId", "Selection" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ShownGroups_TenantId_Size",
                table: "ShownGroups",
                columns: new[] { "TenantId", "Size" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ShownGroups");

            migrationBuilder.DropColumn(
                name: "MinimumGroupSize",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "PrivacyModeOn",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "ProtectedPseudonymKey",
                table: "Tenants");
        }
    }
}
