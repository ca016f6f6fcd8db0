using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PersonDayScoresIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PersonDays_TenantId_Date",
                table: "PersonDays");

            migrationBuilder.CreateIndex(
                name: "IX_PersonDays_TenantId_Date_PersonId_Score",
                table: "PersonDays",
                columns: new[] { "TenantId", "Date", "PersonId", "Score" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PersonDays_TenantId_Date_PersonId_Score",
                table: "PersonDays");

            migrationBuilder.CreateIndex(
                name: "IX_PersonDays_TenantId_Date",
                table: "PersonDays",
                columns: new[] { "TenantId", "Date" });
        }
    }
}
