using Inventory.CatalogService.Items;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.CatalogService.Data;

internal sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    public const string BarcodeIndex = "ix_items_barcode";

    public void Configure(EntityTypeBuilder<Item> item)
    {
        item.ToTable("items", table =>
        {
            table.HasCheckConstraint("ck_items_unit_cost_not_negative", "unit_cost >= 0");
            table.HasCheckConstraint("ck_items_reorder_not_negative", "reorder_point >= 0 AND reorder_quantity >= 0");
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
        item.HasIndex(i => new { i.OnHand, i.Id });
        item.HasIndex(i => new { i.UpdatedAt, i.Id });
        item.HasIndex(i => i.CategoryId);
        // The low-stock list and count read this small index instead of the table.
        item.HasIndex(i => i.SkuNormalized, "ix_items_low_stock").HasDatabaseName("ix_items_low_stock").HasFilter("on_hand <= reorder_point AND NOT is_archived");
        // Substring search (ILIKE '%…%') on SKU and name.
        item.HasIndex(i => i.Sku, "ix_items_sku_trgm").HasDatabaseName("ix_items_sku_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
        item.HasIndex(i => i.Name, "ix_items_name_trgm").HasDatabaseName("ix_items_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
