using Inventory.ProcurementService.PurchaseOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.ProcurementService.Data;

internal sealed class PurchaseOrderConfiguration : IEntityTypeConfiguration<PurchaseOrder>
{
    public const string NumberSequence = "purchase_order_number_seq";

    public void Configure(EntityTypeBuilder<PurchaseOrder> order)
    {
        order.ToTable("purchase_orders");
        order.Property(o => o.Sequence).HasDefaultValueSql($"nextval('{NumberSequence}')").ValueGeneratedOnAdd();
        order.Property(o => o.Number).HasMaxLength(20)
            .HasComputedColumnSql("'PO-' || CASE WHEN sequence < 1000000 THEN lpad(sequence::text, 6, '0') ELSE sequence::text END", stored: true);
        order.HasIndex(o => o.Sequence).IsUnique();
        order.HasIndex(o => o.Number).IsUnique();
        order.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        order.Property(o => o.Notes).HasMaxLength(PurchaseOrderRules.NotesMaxLength);
        order.Property(o => o.Currency).HasMaxLength(3).IsFixedLength();
        order.Property(o => o.CreatedBy).HasMaxLength(100);
        order.Property(o => o.SubmittedBy).HasMaxLength(100);
        order.HasVersion();
        order.Ignore(o => o.Total);
        order.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.PurchaseOrderId).OnDelete(DeleteBehavior.Cascade);
        order.HasMany(o => o.StatusChanges).WithOne().HasForeignKey(c => c.PurchaseOrderId).OnDelete(DeleteBehavior.Cascade);
        order.HasIndex(o => new { o.Status, o.SupplierId });
        order.HasIndex(o => o.CreatedAt);
    }
}

internal sealed class PurchaseOrderLineConfiguration : IEntityTypeConfiguration<PurchaseOrderLine>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderLine> line)
    {
        line.ToTable("purchase_order_lines", table =>
        {
            table.HasCheckConstraint("ck_po_lines_quantity_positive", "quantity_ordered > 0");
            table.HasCheckConstraint("ck_po_lines_price_not_negative", "unit_price >= 0");
            table.HasCheckConstraint("ck_po_lines_received_not_negative", "quantity_received >= 0");
        });
        line.Property(l => l.ItemSku).HasMaxLength(64);
        line.Property(l => l.Description).HasMaxLength(200);
        line.Property(l => l.QuantityOrdered).HasAmountPrecision();
        line.Property(l => l.UnitPrice).HasAmountPrecision();
        line.Property(l => l.QuantityReceived).HasAmountPrecision();
        line.Ignore(l => l.LineTotal);
        line.HasIndex(l => new { l.PurchaseOrderId, l.LineNumber }).IsUnique();
        line.HasIndex(l => l.ItemId);
    }
}

internal sealed class PurchaseOrderStatusChangeConfiguration : IEntityTypeConfiguration<PurchaseOrderStatusChange>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderStatusChange> change)
    {
        change.ToTable("purchase_order_status_changes");
        change.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        change.Property(c => c.ChangedBy).HasMaxLength(100);
    }
}
