using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.CatalogService.Data.Migrations
{
    /// <inheritdoc />
    public partial class LedgerFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing rows get 0 (a constant default: no rewrite of a large table, no long lock); they have all
            // committed, so the feed serves them first, in seq order. New rows record their writing transaction.
            migrationBuilder.Sql("""
                ALTER TABLE movements ADD COLUMN xact_id xid8 NOT NULL DEFAULT '0';
                ALTER TABLE movements ALTER COLUMN xact_id SET DEFAULT pg_current_xact_id();
                """);

            migrationBuilder.CreateIndex(
                name: "ix_movements_xact_id_seq",
                table: "movements",
                columns: new[] { "xact_id", "seq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_movements_xact_id_seq",
                table: "movements");

            migrationBuilder.DropColumn(
                name: "xact_id",
                table: "movements");
        }
    }
}
