using Inventory.CatalogService.Items;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.CatalogService.Data;

internal sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    public const string BarcodeIndex = "ix_items_barcode";
    public const string StockTotalsTable = "item_stock_totals";
    public const string OnHandIndex = "ix_item_stock_totals_on_hand_item_id";
    public const string LowStockIndex = "ix_item_stock_totals_low_stock";

    /// <summary>The reorder point's CHECK, on the split-off table (EF's model has check constraints for the main table only).</summary>
    public const string AddReorderPointCheck =
        "ALTER TABLE item_stock_totals ADD CONSTRAINT ck_item_stock_totals_reorder_point_not_negative CHECK (reorder_point >= 0)";

    public void Configure(EntityTypeBuilder<Item> item)
    {
        item.ToTable("items", table =>
        {
            table.HasCheckConstraint("ck_items_unit_cost_not_negative", "unit_cost >= 0");
            table.HasCheckConstraint("ck_items_reorder_quantity_not_negative", "reorder_quantity >= 0");
        });
        // The item's stock total lives in a narrow row of its own (entity splitting: still Item.OnHand in queries).
        // Every movement updates the total; were it a column of items, each update would write a new item row and
        // an entry in every index of items (the trigram GINs too, whose pending lists then slow searches), because
        // on_hand is indexed for the on-hand sort and the low-stock list. Here a movement touches three small
        // indexes and leaves the item row alone. The reorder point comes along: the low-stock index compares the two.
        item.SplitToTable(StockTotalsTable, totals =>
        {
            totals.Property(i => i.Id).HasColumnName("item_id");
            totals.Property(i => i.OnHand);
            totals.Property(i => i.ReorderPoint);
        });
        item.Property(i => i.Sku).HasMaxLength(ItemRules.SkuMaxLength);
        item.Property(i => i.SkuNormalized).HasMaxLength(ItemRules.SkuMaxLength)
            .HasComputedColumnSql("upper(sku)", stored: true);
        item.Property(i => i.Name).HasMaxLength(ItemRules.NameMaxLength);
        item.Property(i => i.Description).HasMaxLength(ItemRules.DescriptionMaxLength);
        item.Property(i => i.Unit).HasMaxLength(16);
        item.Property(i => i.Barcode).HasMaxLength(ItemRules.BarcodeMaxLength);
        item.Property(i => i.UnitCost).HasAmountPrecision();
        item.Property(i => i.ReorderPoint).HasAmountPrecision();
        item.Property(i => i.ReorderQuantity).HasAmountPrecision();
        item.Property(i => i.OnHand).HasAmountPrecision().HasDefaultValue(0m)
            .Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore); // only the ledger's SQL writes it
        item.HasVersion();
        item.HasOne(i => i.Category).WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Restrict);

        // Unique SKU regardless of case; also the keyset order of the item list by SKU.
        item.HasIndex(i => i.SkuNormalized).IsUnique();
        item.HasIndex(i => i.Barcode).IsUnique().HasFilter("barcode IS NOT NULL").HasDatabaseName(BarcodeIndex);
        item.HasIndex(i => new { i.Name, i.Id });
        item.HasIndex(i => new { i.OnHand, i.Id }, OnHandIndex).HasDatabaseName(OnHandIndex);
        item.HasIndex(i => new { i.UpdatedAt, i.Id });
        // The category filter in SKU order, one range per category of the subtree (ItemListQuery); also the FK's index.
        item.HasIndex(i => new { i.CategoryId, i.SkuNormalized, i.Id });
        // The low-stock list and count read this small index (the items at or below their reorder point) instead of
        // every total; archived ones are filtered out by the join to items.
        item.HasIndex(i => i.OnHand, LowStockIndex).HasDatabaseName(LowStockIndex).HasFilter("on_hand <= reorder_point");
        // Substring search (ILIKE '%…%') on SKU and name.
        item.HasIndex(i => i.Sku, "ix_items_sku_trgm").HasDatabaseName("ix_items_sku_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        item.HasIndex(i => i.Name, "ix_items_name_trgm").HasDatabaseName("ix_items_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
