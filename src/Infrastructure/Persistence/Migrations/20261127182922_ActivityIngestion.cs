using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ActivityIngestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsCorrected",
                table: "Activities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "SyncedAt",
                table: "Activities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ConnectedServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Provider = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDisconnected = table.Column<bool>(type: "INTEGER", nullable: false),
                    RunStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RunCompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PeopleInRun = table.Column<int>(type: "INTEGER", nullable: false),
                    PeopleDone = table.Column<int>(type: "INTEGER", nullable: false),
                    ThrottledUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    NextSyncAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastErrorAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DisabledFeatures = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectedServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectedServices_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SyncCheckpoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Feature = table.Column<int>(type: "INTEGER", nullable: false),
                    ResumeLink = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: true),
                    IsMidRound = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsFullRead = table.Column<bool>(type: "INTEGER", nullable: false),
                    FullReadStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RangeStart = table.Column<long>(type: "INTEGER", nullable: true),
                    RangeEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LastCompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NotBefore = table.Column<long>(type: "INTEGER", nullable: true),
                    ItemsImported = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyncCheckpoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SyncCheckpoints_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SyncCheckpoints_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_TenantId_Kind",
                table: "Activities",
                columns: new[] { "TenantId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_TenantId_PersonId_Source_SyncedAt",
                table: "Activities",
                columns: new[] { "TenantId", "PersonId", "Source", "SyncedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectedServices_TenantId_Provider",
                table: "ConnectedServices",
                columns: new[] { "TenantId", "Provider" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SyncCheckpoints_PersonId",
                table: "SyncCheckpoints",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SyncCheckpoints_TenantId_PersonId_Feature",
                table: "SyncCheckpoints",
                columns: new[] { "TenantId", "PersonId", "Feature" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConnectedServices");

            migrationBuilder.DropTable(
                name: "SyncCheckpoints");

            migrationBuilder.DropIndex(
                name: "IX_Activities_TenantId_Kind",
                table: "Activities");

            migrationBuilder.DropIndex(
                name: "IX_Activities_TenantId_PersonId_Source_SyncedAt",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "IsCorrected",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "SyncedAt",
                table: "Activities");
        }
    }
}
