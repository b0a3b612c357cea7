using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.CatalogService.Data.Migrations
{
    /// <summary>
    /// Adds <c>stock_book</c>, the ledger's booking of one movement in one server-side call (<see cref="StockBookingSql"/>).
    /// </summary>
    public partial class StockBooking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(StockBookingSql.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(StockBookingSql.Drop);
        }
    }
}
