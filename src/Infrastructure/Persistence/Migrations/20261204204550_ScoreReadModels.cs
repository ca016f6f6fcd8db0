using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ScoreReadModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Scores");

            migrationBuilder.AddColumn<bool>(
                name: "ScoresVisibleToMembers",
                table: "Tenants",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "ActivityCorrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CorrectedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CorrectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Previous = table.Column<long>(type: "INTEGER", nullable: false),
                    Corrected = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityCorrections_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirtyPersonDays",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MarkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirtyPersonDays", x => new { x.TenantId, x.PersonId, x.Date });
                    table.ForeignKey(
                        name: "FK_DirtyPersonDays_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirtyPersonDays_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GroupDays",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Team = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AverageScore = table.Column<int>(type: "INTEGER", nullable: true),
                    Credited = table.Column<long>(type: "INTEGER", nullable: false),
                    AfterHours = table.Column<long>(type: "INTEGER", nullable: false),
                    Red = table.Column<int>(type: "INTEGER", nullable: false),
                    Yellow = table.Column<int>(type: "INTEGER", nullable: false),
                    Green = table.Column<int>(type: "INTEGER", nullable: false),
                    Blue = table.Column<int>(type: "INTEGER", nullable: false),
                    Purple = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GroupDays", x => new { x.TenantId, x.Team, x.Date });
                    table.ForeignKey(
                        name: "FK_GroupDays_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "PersonDayLocations",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CountryOrRegion = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    ItemCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonDayLocations", x => new { x.TenantId, x.PersonId, x.Date, x.City, x.CountryOrRegion });
                    table.ForeignKey(
                        name: "FK_PersonDayLocations_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PersonDayLocations_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonDays",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ModelVersion = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DayStart = table.Column<long>(type: "INTEGER", nullable: false),
                    DayEnd = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkStart = table.Column<long>(type: "INTEGER", nullable: true),
                    WorkEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    IsWorkDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsHoliday = table.Column<bool>(type: "INTEGER", nullable: false),
                    DailyTarget = table.Column<long>(type: "INTEGER", nullable: false),
                    Credited = table.Column<long>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Band = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterHours = table.Column<long>(type: "INTEGER", nullable: false),
                    ExternalMeetings = table.Column<long>(type: "INTEGER", nullable: false),
                    ExternalMeetingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    InternalMeetings = table.Column<long>(type: "INTEGER", nullable: false),
                    InternalMeetingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Calls = table.Column<long>(type: "INTEGER", nullable: false),
                    CallCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<long>(type: "INTEGER", nullable: false),
                    EmailCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Chat = table.Column<long>(type: "INTEGER", nullable: false),
                    ChatCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Files = table.Column<long>(type: "INTEGER", nullable: false),
                    FileCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Logins = table.Column<long>(type: "INTEGER", nullable: false),
                    LoginCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstActivity = table.Column<long>(type: "INTEGER", nullable: true),
                    LastActivity = table.Column<long>(type: "INTEGER", nullable: true),
                    FocusStart = table.Column<long>(type: "INTEGER", nullable: true),
                    FocusEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonDays", x => new { x.TenantId, x.PersonId, x.Date });
                    table.ForeignKey(
                        name: "FK_PersonDays_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PersonDays_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityCorrections_TenantId_ActivityId",
                table: "ActivityCorrections",
                columns: new[] { "TenantId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_DirtyPersonDays_PersonId",
                table: "DirtyPersonDays",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonDayHours_PersonId",
                table: "PersonDayHours",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonDayHours_TenantId_Date",
                table: "PersonDayHours",
                columns: new[] { "TenantId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonDayLocations_PersonId",
                table: "PersonDayLocations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonDayLocations_TenantId_Date",
                table: "PersonDayLocations",
                columns: new[] { "TenantId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonDays_PersonId",
                table: "PersonDays",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonDays_TenantId_Date",
                table: "PersonDays",
                columns: new[] { "TenantId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityCorrections");

            migrationBuilder.DropTable(
                name: "DirtyPersonDays");

            migrationBuilder.DropTable(
                name: "GroupDays");

            migrationBuilder.DropTable(
                name: "PersonDayHours");

            migrationBuilder.DropTable(
                name: "PersonDayLocations");

            migrationBuilder.DropTable(
                name: "PersonDays");

            migrationBuilder.DropColumn(
                name: "ScoresVisibleToMembers",
                table: "Tenants");

            migrationBuilder.CreateTable(
                name: "Scores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreditedTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsWorkDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    ModelVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Scores_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Scores_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Scores_PersonId",
                table: "Scores",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Scores_TenantId_PersonId_Day_ModelVersion",
                table: "Scores",
                columns: new[] { "TenantId", "PersonId", "Day", "ModelVersion" },
                unique: true);
        }
    }
}
