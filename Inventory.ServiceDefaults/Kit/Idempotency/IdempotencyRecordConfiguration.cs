using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>The one table shape for remembered answers, in every service's database: <c>idempotency_keys</c>.</summary>
public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public const string Table = "idempotency_keys";

    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.ToTable(Table);
        // Keys are scoped to the caller: two clerks may happen to pick the same key.
        record.HasKey(r => new { r.Caller, r.Key });
        record.Property(r => r.Caller).HasMaxLength(200);
        record.Property(r => r.Key).HasMaxLength(IdempotencyRules.KeyMaxLength);
        record.Property(r => r.RequestHash).HasMaxLength(64);
        record.HasIndex(r => r.CreatedAt);
    }
}
