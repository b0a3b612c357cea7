using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.ProcurementService.Data.Migrations
{
    /// <summary>
    /// Optimistic concurrency moves from PostgreSQL's xmin (a system column: nothing to drop) to the kit's integer
    /// <c>version</c>, starting at 1 for every existing row. A client holding an xmin read before the upgrade gets
    /// one stale-version 409 and reloads.
    /// </summary>
    public partial class IntegerVersions : Migration
    {
        private static readonly string[] Tables = ["suppliers", "supplier_items", "purchase_orders"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.AddColumn<int>(
                    name: "version",
                    table: table,
                    type: "integer",
                    nullable: false,
                    defaultValue: 1);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
                migrationBuilder.DropColumn(name: "version", table: table);
        }
    }
}
