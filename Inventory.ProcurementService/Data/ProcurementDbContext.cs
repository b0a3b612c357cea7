using Inventory.ProcurementService.Audit;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ProcurementService.Receiving;
using Inventory.ProcurementService.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Data;

public sealed class ProcurementDbContext(DbContextOptions<ProcurementDbContext> options) : DbContext(options)
{
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<SupplierItem> SupplierItems => Set<SupplierItem>();
    public DbSet<PurchaseOrder> PurchaseOrders => Set<PurchaseOrder>();
    public DbSet<PurchaseOrderLine> PurchaseOrderLines => Set<PurchaseOrderLine>();
    public DbSet<PurchaseOrderStatusChange> StatusChanges => Set<PurchaseOrderStatusChange>();
    public DbSet<Receipt> Receipts => Set<Receipt>();
    public DbSet<ReceiptLine> ReceiptLines => Set<ReceiptLine>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<ReceiptIdempotencyKey> ReceiptIdempotencyKeys => Set<ReceiptIdempotencyKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasSequence<long>(PurchaseOrderConfiguration.NumberSequence);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProcurementDbContext).Assembly);
    }
}
