using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ObserverSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ObserverSettings",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OverloadDays = table.Column<int>(type: "INTEGER", nullable: false),
                    VeryLightDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterHoursWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingSharePercent = table.Column<int>(type: "INTEGER", nullable: false),
                    FocusMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    NoFocusDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObserverSettings", x => x.TenantId);
                    table.ForeignKey(
                        name: "FK_ObserverSettings_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ObserverSettings");
        }
    }
}
