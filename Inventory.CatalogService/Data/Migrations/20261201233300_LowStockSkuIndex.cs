using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.CatalogService.Data.Migrations
{
    /// <summary>
    /// Adds item_stock_totals.sku_normalized (a copy of the item's, kept by triggers) and the partial index the low-stock
    /// list reads in SKU order (<see cref="LowStockSql"/>).
    /// </summary>
    public partial class LowStockSkuIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LowStockSql.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LowStockSql.Drop);
        }
    }
}
