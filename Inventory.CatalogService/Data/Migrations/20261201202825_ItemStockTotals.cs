using System;
using Inventory.CatalogService.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.CatalogService.Data.Migrations
{
    /// <summary>
    /// Moves each item's stock total and reorder point out of items into item_stock_totals (copying them), with the
    /// on-hand and low-stock indexes there, so a movement no longer rewrites the item row and its indexes; replaces the
    /// category index with (category_id, sku_normalized, id); leaves stock_levels' pages room for HOT updates.
    /// Written by hand: EF's scaffold would also re-point the foreign keys to items at the new table (they stay on items)
    /// and drops the columns before anything could copy them.
    /// </summary>
    public partial class ItemStockTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "item_stock_totals",
                columns: table => new
                {
                    item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reorder_point = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    on_hand = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false, defaultValue: 0m)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_item_stock_totals", x => x.item_id);
                    table.ForeignKey(
                        name: "fk_item_stock_totals_items_item_id",
                        column: x => x.item_id,
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
            migrationBuilder.Sql("INSERT INTO item_stock_totals (item_id, reorder_point, on_hand) SELECT id, reorder_point, on_hand FROM items");
            migrationBuilder.Sql(ItemConfiguration.AddReorderPointCheck);

            migrationBuilder.DropIndex(name: "ix_items_low_stock", table: "items");
            migrationBuilder.DropIndex(name: "ix_items_on_hand_id", table: "items");
            migrationBuilder.DropCheckConstraint(name: "ck_items_reorder_not_negative", table: "items");
            migrationBuilder.DropColumn(name: "on_hand", table: "items");
            migrationBuilder.DropColumn(name: "reorder_point", table: "items");
            migrationBuilder.AddCheckConstraint(name: "ck_items_reorder_quantity_not_negative", table: "items", sql: "reorder_quantity >= 0");

            migrationBuilder.CreateIndex(
                name: "ix_item_stock_totals_low_stock",
                table: "item_stock_totals",
                column: "on_hand",
                filter: "on_hand <= reorder_point");
            migrationBuilder.CreateIndex(
                name: "ix_item_stock_totals_on_hand_item_id",
                table: "item_stock_totals",
                columns: new[] { "on_hand", "item_id" });

            migrationBuilder.CreateIndex(
                name: "ix_items_category_id_sku_normalized_id",
                table: "items",
                columns: new[] { "category_id", "sku_normalized", "id" });
            migrationBuilder.DropIndex(name: "ix_items_category_id", table: "items");

            migrationBuilder.AlterTable(name: "stock_levels").Annotation("Npgsql:StorageParameter:fillfactor", 90);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(name: "stock_levels").OldAnnotation("Npgsql:StorageParameter:fillfactor", 90);
            migrationBuilder.CreateIndex(name: "ix_items_category_id", table: "items", column: "category_id");
            migrationBuilder.DropIndex(name: "ix_items_category_id_sku_normalized_id", table: "items");

            migrationBuilder.DropCheckConstraint(name: "ck_items_reorder_quantity_not_negative", table: "items");
            migrationBuilder.AddColumn<decimal>(name: "on_hand", table: "items", type: "numeric(18,4)", precision: 18, scale: 4,
                nullable: false, defaultValue: 0m);
            migrationBuilder.AddColumn<decimal>(name: "reorder_point", table: "items", type: "numeric(18,4)", precision: 18, scale: 4,
                nullable: false, defaultValue: 0m);
            migrationBuilder.Sql("UPDATE items i SET on_hand = t.on_hand, reorder_point = t.reorder_point FROM item_stock_totals t WHERE t.item_id = i.id");
            migrationBuilder.AddCheckConstraint(name: "ck_items_reorder_not_negative", table: "items",
                sql: "reorder_point >= 0 AND reorder_quantity >= 0");
            migrationBuilder.CreateIndex(name: "ix_items_low_stock", table: "items", column: "sku_normalized",
                filter: "on_hand <= reorder_point AND NOT is_archived");
            migrationBuilder.CreateIndex(name: "ix_items_on_hand_id", table: "items", columns: new[] { "on_hand", "id" });
            migrationBuilder.DropTable(name: "item_stock_totals");
        }
    }
}
