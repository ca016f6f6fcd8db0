using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TenantFeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AuditLogOffSince",
                table: "ConnectedServices",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientIp",
                table: "Activities",
                type: "TEXT",
                maxLength: 45,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LocationCity",
                table: "Activities",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LocationCountry",
                table: "Activities",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LocationLatitude",
                table: "Activities",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LocationLongitude",
                table: "Activities",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LocationState",
                table: "Activities",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedCheckpoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Feed = table.Column<int>(type: "INTEGER", nullable: false),
                    ReadUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    NotBefore = table.Column<long>(type: "INTEGER", nullable: true),
                    LastCompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsSubscribed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ItemsImported = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedCheckpoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedCheckpoints_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedCheckpoints_TenantId_Feed",
                table: "FeedCheckpoints",
                columns: new[] { "TenantId", "Feed" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedCheckpoints");

            migrationBuilder.DropColumn(
                name: "AuditLogOffSince",
                table: "ConnectedServices");

            migrationBuilder.DropColumn(
                name: "ClientIp",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "LocationCity",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "LocationCountry",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "LocationLatitude",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "LocationLongitude",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "LocationState",
                table: "Activities");
        }
    }
}
