using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.CatalogService.Data.Migrations
{
    /// <summary>
    /// Adds item_stock_totals.is_archived (a copy of the item's, kept by the SKU copy's triggers) and rebuilds the
    /// low-stock index without archived items (<see cref="LowStockSql.AddArchivedCopy"/>).
    /// </summary>
    public partial class LowStockIndexWithoutArchived : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LowStockSql.AddArchivedCopy);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LowStockSql.DropArchivedCopy);
        }
    }
}
