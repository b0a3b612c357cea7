using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.ServiceDefaults.Kit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_entries");
        entry.Property(e => e.EntityType).HasMaxLength(32);
        entry.Property(e => e.Action).HasMaxLength(32);
        entry.Property(e => e.UserId).HasMaxLength(200);
        entry.Property(e => e.Changes).HasColumnType("jsonb");
        // An entity's history, newest first, is a range scan.
        entry.HasIndex(e => new { e.EntityType, e.EntityId, e.Id });
    }
}
