using Inventory.ProcurementService.Receiving;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.ProcurementService.Data;

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> receipt)
    {
        receipt.ToTable("receipts");
        receipt.Property(r => r.ReceivedBy).HasMaxLength(100);
        receipt.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReceiptId).OnDelete(DeleteBehavior.Cascade);
        receipt.HasIndex(r => r.PurchaseOrderId);
    }
}

internal sealed class ReceiptLineConfiguration : IEntityTypeConfiguration<ReceiptLine>
{
    public void Configure(EntityTypeBuilder<ReceiptLine> line)
    {
        line.ToTable("receipt_lines", table => table.HasCheckConstraint("ck_receipt_lines_quantity_positive", "quantity > 0"));
        line.Property(l => l.Quantity).HasAmountPrecision();
        line.Property(l => l.Reference).HasMaxLength(20);
        line.Property(l => l.PostingState).HasConversion<string>().HasMaxLength(10);
        line.Property(l => l.LastError).HasMaxLength(1000);
        // The dispatcher's queue: lines not yet posted, by when they are due.
        line.HasIndex(l => l.NextAttemptAt).HasFilter("posted_at IS NULL").HasDatabaseName("ix_receipt_lines_unposted");
        line.HasIndex(l => l.PurchaseOrderLineId);
        // Declared, so the filtered index below does not stand in for the foreign key's (it covers only rejected lines).
        line.HasIndex(l => l.ReceiptId);
        // The lines that need a person (the dashboard's count): few, so a small partial index.
        line.HasIndex(l => l.ReceiptId, "RejectedLines").HasFilter($"posting_state = '{nameof(PostingState.Rejected)}'")
            .HasDatabaseName("ix_receipt_lines_rejected");
    }
}
