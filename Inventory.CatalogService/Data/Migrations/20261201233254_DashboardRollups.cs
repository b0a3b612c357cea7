using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.CatalogService.Data.Migrations
{
    /// <summary>
    /// Adds the dashboard's rollups (per-day movement totals, per-item-per-day movements, per-category stock totals and
    /// their change log) with the triggers that maintain them, and backfills them from the ledger and the totals
    /// (<see cref="DashboardRollupSql"/>). Not in EF's model: only the triggers and the dashboard's SQL use them.
    /// </summary>
    public partial class DashboardRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DashboardRollupSql.CreateTables);
            migrationBuilder.Sql(DashboardRollupSql.CreateTriggers);
            migrationBuilder.Sql(DashboardRollupSql.Backfill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DashboardRollupSql.Drop);
        }
    }
}
