using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ActivityKeyByPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_TenantId_Source_ExternalId_PersonId",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_TenantId_PersonId_Source_ExternalId",
                table: "Activities",
                columns: new[] { "TenantId", "PersonId", "Source", "ExternalId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Activities_TenantId_PersonId_Source_ExternalId",
                table: "Activities");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_TenantId_Source_ExternalId_PersonId",
                table: "Activities",
                columns: new[] { "TenantId", "Source", "ExternalId", "PersonId" },
                unique: true);
        }
    }
}
