using Inventory.ProcurementService.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.ProcurementService.Data;

internal sealed class SupplierItemConfiguration : IEntityTypeConfiguration<SupplierItem>
{
    public const string PreferredPerItem = "ux_supplier_items_preferred_item";

    public void Configure(EntityTypeBuilder<SupplierItem> supplierItem)
    {
        supplierItem.ToTable("supplier_items", table =>
        {
            table.HasCheckConstraint("ck_supplier_items_price_not_negative", "unit_price >= 0");
            table.HasCheckConstraint("ck_supplier_items_moq_not_negative", "minimum_order_quantity >= 0");
        });
        supplierItem.Property(s => s.ItemSku).HasMaxLength(64);
        supplierItem.Property(s => s.ItemName).HasMaxLength(200);
        supplierItem.Property(s => s.SupplierSku).HasMaxLength(64);
        supplierItem.Property(s => s.UnitPrice).HasAmountPrecision();
        supplierItem.Property(s => s.MinimumOrderQuantity).HasAmountPrecision();
        supplierItem.HasVersion();
        supplierItem.HasOne(s => s.Supplier).WithMany().HasForeignKey(s => s.SupplierId).OnDelete(DeleteBehavior.Restrict);

        supplierItem.HasIndex(s => new { s.SupplierId, s.ItemId }).IsUnique();
        // At most one preferred supplier per item, even when two people mark one at the same time.
        supplierItem.HasIndex(s => s.ItemId).IsUnique().HasFilter("is_preferred").HasDatabaseName(PreferredPerItem);
    }
}
