using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ServiceActivityCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServiceActivityCounts",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    CountedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceActivityCounts", x => new { x.TenantId, x.Kind });
                    table.ForeignKey(
                        name: "FK_ServiceActivityCounts_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Mailbox access had no switch of its own: whoever switched off email had switched it off too.
            migrationBuilder.Sql("UPDATE ConnectedServices SET DisabledFeatures = DisabledFeatures | 128 WHERE (DisabledFeatures & 2) <> 0;");

            // Counted at tick 0, so the next sync recounts them.
            migrationBuilder.Sql(
                "INSERT INTO ServiceActivityCounts (TenantId, Kind, Count, CountedAt) " +
                "SELECT TenantId, Kind, COUNT(*), 0 FROM Activities GROUP BY TenantId, Kind;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceActivityCounts");

            migrationBuilder.Sql("UPDATE ConnectedServices SET DisabledFeatures = DisabledFeatures & ~128;");
        }
    }
}
