using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkspaceCrediting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkspaceCrediting",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentEmail = table.Column<long>(type: "INTEGER", nullable: false),
                    CalendarResponse = table.Column<long>(type: "INTEGER", nullable: false),
                    ChatMessage = table.Column<long>(type: "INTEGER", nullable: false),
                    FileAction = table.Column<long>(type: "INTEGER", nullable: false),
                    SignIn = table.Column<long>(type: "INTEGER", nullable: false),
                    MaximumScored = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkspaceCrediting", x => x.TenantId);
                    table.ForeignKey(
                        name: "FK_WorkspaceCrediting_Tenants_TenantId",
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
                name: "WorkspaceCrediting");
        }
    }
}
