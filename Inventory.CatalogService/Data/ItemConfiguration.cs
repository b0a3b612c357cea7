using Inventory.CatalogService.Items;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.CatalogService.Data;

internal sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
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
        item.Property(i => i.UnitCost).HasPrecision(18, 4);
        item.Property(i => i.ReorderPoint).HasPrecision(18, 4);
        item.Property(i => i.ReorderQuantity).HasPrecision(18, 4);

        // Unique SKU regardless of case; also the keyset order of the item list.
        item.HasIndex(i => i.SkuNormalized).IsUnique();
        item.HasIndex(i => i.Name);
    }
}
