using Inventory.CatalogService.Counts;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.CatalogService.Stock;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.CatalogService.Data;

internal sealed class StockLevelConfiguration : IEntityTypeConfiguration<StockLevel>
{
    public void Configure(EntityTypeBuilder<StockLevel> level)
    {
        level.ToTable("stock_levels", table =>
            table.HasCheckConstraint("ck_stock_levels_not_negative", "on_hand >= 0 OR allows_negative"));
        level.HasKey(s => new { s.ItemId, s.LocationId });
        // Every movement updates its balance row; neither on_hand nor updated_at is indexed, so the update is HOT
        // (no index entry written) when the page has room for the new version: leave a tenth of each page free.
        level.HasStorageParameter("fillfactor", 90);
        level.Property(s => s.OnHand).HasAmountPrecision();
        level.HasOne<Item>().WithMany().HasForeignKey(s => s.ItemId).OnDelete(DeleteBehavior.Restrict);
        level.HasOne<Location>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Restrict);
        level.HasIndex(s => new { s.LocationId, s.ItemId });
    }
}

internal sealed class MovementConfiguration : IEntityTypeConfiguration<Movement>
{
    public void Configure(EntityTypeBuilder<Movement> movement)
    {
        movement.ToTable("movements", table =>
        {
            table.HasCheckConstraint("ck_movements_quantity_not_zero", "quantity <> 0");
            table.HasCheckConstraint("ck_movements_type", SqlText.In("type", MovementTypes.All));
        });
        movement.Property(m => m.Id).ValueGeneratedNever();
        movement.Property(m => m.Seq).UseIdentityByDefaultColumn();
        // Top-level transaction id even inside a savepoint; xid8 never wraps, so the order holds for the cluster's life.
        movement.Property(m => m.TransactionId).HasColumnName("xact_id").HasColumnType("xid8").HasDefaultValueSql("pg_current_xact_id()");
        movement.Property(m => m.Quantity).HasAmountPrecision();
        movement.Property(m => m.BalanceAfter).HasAmountPrecision();
        movement.Property(m => m.Type).HasMaxLength(16);
        movement.Property(m => m.ReasonCode).HasMaxLength(32);
        movement.Property(m => m.Reference).HasMaxLength(100);
        movement.Property(m => m.Note).HasMaxLength(500);
        movement.Property(m => m.UserId).HasMaxLength(200);
        movement.Property(m => m.Channel).HasMaxLength(100);
        movement.Property(m => m.IdempotencyKey).HasMaxLength(200);
        movement.HasOne<Item>().WithMany().HasForeignKey(m => m.ItemId).OnDelete(DeleteBehavior.Restrict);
        movement.HasOne<Location>().WithMany().HasForeignKey(m => m.LocationId).OnDelete(DeleteBehavior.Restrict);
        movement.HasIndex(m => m.Seq).IsUnique();
        // The feed for incremental readers, in (transaction, seq) order (LedgerFeed).
        movement.HasIndex(m => new { m.TransactionId, m.Seq });
        // Lists by item, by location, by date (newest first), and the dashboard's per-day counts.
        movement.HasIndex(m => new { m.ItemId, m.OccurredAt, m.Seq });
        movement.HasIndex(m => new { m.LocationId, m.OccurredAt, m.Seq });
        movement.HasIndex(m => new { m.OccurredAt, m.Seq });
        // "Movements since the count's snapshot" for one item at one location.
        movement.HasIndex(m => new { m.ItemId, m.LocationId, m.Seq });
        movement.HasIndex(m => m.ReceiptLineId).IsUnique().HasFilter("receipt_line_id IS NOT NULL");
        movement.HasIndex(m => m.OperationId).HasFilter("operation_id IS NOT NULL");
    }
}

internal sealed class PostedReceiptLineConfiguration : IEntityTypeConfiguration<PostedReceiptLine>
{
    public void Configure(EntityTypeBuilder<PostedReceiptLine> receipt)
    {
        receipt.ToTable("receipt_lines");
        receipt.HasKey(r => r.ReceiptLineId);
        receipt.Property(r => r.ReceiptLineId).ValueGeneratedNever();
    }
}

internal sealed class CountConfiguration : IEntityTypeConfiguration<CountSession>
{
    public void Configure(EntityTypeBuilder<CountSession> session)
    {
        session.ToTable("count_sessions", table =>
            table.HasCheckConstraint("ck_count_sessions_status", SqlText.In("status", CountStatuses.All)));
        session.Property(s => s.Status).HasMaxLength(16);
        session.Property(s => s.Note).HasMaxLength(500);
        session.Property(s => s.OpenedBy).HasMaxLength(200);
        session.Property(s => s.ClosedBy).HasMaxLength(200);
        session.HasOne<Location>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Restrict);
        // One open count per location at a time.
        session.HasIndex(s => s.LocationId, "ix_count_sessions_one_open_per_location").HasDatabaseName("ix_count_sessions_one_open_per_location").IsUnique()
            .HasFilter($"status = {SqlText.Literal(CountStatuses.Open)}");
        session.HasIndex(s => new { s.OpenedAt, s.Id });
        session.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CountLineConfiguration : IEntityTypeConfiguration<CountLine>
{
    public void Configure(EntityTypeBuilder<CountLine> line)
    {
        line.ToTable("count_lines");
        line.HasKey(l => new { l.SessionId, l.ItemId });
        line.Property(l => l.SnapshotQuantity).HasAmountPrecision();
        line.Property(l => l.CountedQuantity).HasAmountPrecision();
        line.Property(l => l.PostedVariance).HasAmountPrecision();
        line.Property(l => l.CountedBy).HasMaxLength(200);
        line.HasOne<Item>().WithMany().HasForeignKey(l => l.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
