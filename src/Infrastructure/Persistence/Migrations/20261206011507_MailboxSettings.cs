using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MailboxSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MailboxSettingsDeniedSince",
                table: "DirectorySyncStates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PersonMailboxSettings",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    WorkDayBits = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkStart = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    WorkEnd = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    WorkingHoursTimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonMailboxSettings", x => x.PersonId);
                    table.ForeignKey(
                        name: "FK_PersonMailboxSettings_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PersonMailboxSettings_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonMailboxSettings_TenantId",
                table: "PersonMailboxSettings",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonMailboxSettings");

            migrationBuilder.DropColumn(
                name: "MailboxSettingsDeniedSince",
                table: "DirectorySyncStates");
        }
    }
}
