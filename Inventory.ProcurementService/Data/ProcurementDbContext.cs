using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ProcurementService.Receiving;
using Inventory.ProcurementService.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Data;

public sealed class ProcurementDbContext(DbContextOptions<ProcurementDbContext> options) : DbContext(options), IAuditedDbContext
{
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<SupplierItem> SupplierItems => Set<SupplierItem>();
    public DbSet<PurchaseOrder> PurchaseOrders => Set<PurchaseOrder>();
    public DbSet<PurchaseOrderLine> PurchaseOrderLines => Set<PurchaseOrderLine>();
    public DbSet<PurchaseOrderStatusChange> StatusChanges => Set<PurchaseOrderStatusChange>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<ReceiptLine> ReceiptLines => Set<ReceiptLine>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasSequence<long>(PurchaseOrderConfiguration.NumberSequence);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProcurementDbContext).Assembly);
        // The kit's tables, the same shape in every service.
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
    }
}
