using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkSights.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryFiltersAndMapPlacesIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PersonDayLocations_TenantId_Date",
                table: "PersonDayLocations");

            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_DisplayName_Id_Status_Email",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_PersonDayLocations_TenantId_Date_PersonId_City_CountryOrRegion_Latitude_Longitude_ItemCount",
                table: "PersonDayLocations",
                columns: new[] { "TenantId", "Date", "PersonId", "City", "CountryOrRegion", "Latitude", "Longitude", "ItemCount" });

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_DisplayName_Id_Status_Email_HasLoginAccess_ProvisioningState",
                table: "People",
                columns: new[] { "TenantId", "DisplayName", "Id", "Status", "Email", "HasLoginAccess", "ProvisioningState" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PersonDayLocations_TenantId_Date_PersonId_City_CountryOrRegion_Latitude_Longitude_ItemCount",
                table: "PersonDayLocations");

            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_DisplayName_Id_Status_Email_HasLoginAccess_ProvisioningState",
                table: "People");

            migrationBuilder.CreateIndex(
                name: "IX_PersonDayLocations_TenantId_Date",
                table: "PersonDayLocations",
                columns: new[] { "TenantId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_DisplayName_Id_Status_Email",
                table: "People",
                columns: new[] { "TenantId", "DisplayName", "Id", "Status", "Email" });
        }
    }
}
