using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.CatalogService.Data.Migrations
{
    /// <inheritdoc />
    public partial class LocationBarcode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "barcode",
                table: "locations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // Every existing location's label encodes its code, as a new location's does when no barcode is given.
            migrationBuilder.Sql("UPDATE locations SET barcode = code;");

            migrationBuilder.AddColumn<string>(
                name: "barcode_normalized",
                table: "locations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                computedColumnSql: "upper(barcode)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_locations_barcode",
                table: "locations",
                column: "barcode_normalized",
                unique: true);

            // The scan look-up (api/lookup) matches item barcodes regardless of case: upper(barcode) = @code.
            migrationBuilder.Sql($"CREATE INDEX {ItemBarcodeKeyIndex} ON items (upper(barcode)) WHERE barcode IS NOT NULL;");
        }

        /// <summary>An expression index EF's model cannot declare; this migration owns it.</summary>
        public const string ItemBarcodeKeyIndex = "ix_items_barcode_upper";

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"DROP INDEX {ItemBarcodeKeyIndex};");

            migrationBuilder.DropIndex(
                name: "ix_locations_barcode",
                table: "locations");

            migrationBuilder.DropColumn(
                name: "barcode_normalized",
                table: "locations");

            migrationBuilder.DropColumn(
                name: "barcode",
                table: "locations");
        }
    }
}
