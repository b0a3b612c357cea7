using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.ProcurementService.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReceiptRejectionAndCatalogReturn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "awaiting_catalog",
                table: "receipt_lines",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_receipt_lines_rejected",
                table: "receipt_lines",
                column: "receipt_id",
                filter: "posting_state = 'Rejected'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_receipt_lines_rejected",
                table: "receipt_lines");

            migrationBuilder.DropColumn(
                name: "awaiting_catalog",
                table: "receipt_lines");
        }
    }
}
