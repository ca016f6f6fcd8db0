using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HourlyCountsOnDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonDayHours");

            migrationBuilder.AddColumn<string>(
                name: "ItemsByHour",
                table: "PersonDays",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ItemsByHour",
                table: "GroupDays",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // The hourly counts now live on each day row: mark every stored day outdated so the
            // recompute worker fills them in instead of leaving the heatmap empty.
            migrationBuilder.Sql("UPDATE \"PersonDays\" SET \"ModelVersion\" = ''");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ItemsByHour",
                table: "PersonDays");

            migrationBuilder.DropColumn(
                name: "ItemsByHour",
                table: "GroupDays");

            migrationBuilder.CreateTable(
                name: "PersonDayHours",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hour = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonDayHours", x => new { x.TenantId, x.PersonId, x.Date, x.Hour });
                    table.ForeignKey(
                        name: "FK_PersonDayHours_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PersonDayHours_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonDayHours_PersonId",
                table: "PersonDayHours",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonDayHours_TenantId_Date",
                table: "PersonDayHours",
                columns: new[] { "TenantId", "Date" });
        }
    }
}
