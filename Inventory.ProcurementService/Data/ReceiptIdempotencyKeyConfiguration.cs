using Inventory.ProcurementService.Receiving;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.ProcurementService.Data;

internal sealed class ReceiptIdempotencyKeyConfiguration : IEntityTypeConfiguration<ReceiptIdempotencyKey>
{
    public void Configure(EntityTypeBuilder<ReceiptIdempotencyKey> key)
    {
        key.ToTable("receipt_idempotency_keys");
        // Keys are scoped to the caller: two clerks may happen to pick the same key.
        key.HasKey(k => new { k.Caller, k.Key });
        key.Property(k => k.Caller).HasMaxLength(100);
        key.Property(k => k.Key).HasMaxLength(100);
        key.Property(k => k.RequestHash).HasMaxLength(64);
        key.HasIndex(k => k.CreatedAt);
    }
}
