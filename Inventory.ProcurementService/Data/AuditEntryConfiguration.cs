using Inventory.ProcurementService.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.ProcurementService.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_entries");
        entry.Property(e => e.EntityType).HasMaxLength(40);
        entry.Property(e => e.Action).HasMaxLength(40);
        entry.Property(e => e.ChangedBy).HasMaxLength(100);
        entry.Property(e => e.Before).HasColumnType("jsonb");
        entry.Property(e => e.After).HasColumnType("jsonb");
        entry.HasIndex(e => new { e.EntityType, e.EntityId, e.ChangedAt });
    }
}
