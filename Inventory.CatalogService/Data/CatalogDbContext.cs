using Inventory.CatalogService.Audit;
using Inventory.CatalogService.Categories;
using Inventory.CatalogService.Counts;
using Inventory.CatalogService.Idempotency;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.CatalogService.Stock;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Inventory.CatalogService.Data;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<Item> Items => Set<Item>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<StockLevel> StockLevels => Set<StockLevel>();
    public DbSet<Movement> Movements => Set<Movement>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();
    public DbSet<ReceiptLine> ReceiptLines => Set<ReceiptLine>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CountSession> CountSessions => Set<CountSession>();
    public DbSet<CountLine> CountLines => Set<CountLine>();

    /// <summary>Options every way of building this context needs: migrations take a session lock.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) =>
        options.ReplaceService<IHistoryRepository, SessionLockHistoryRepository>();

    // For contexts built from bare options (tools, tests). The service configures it up front, which pooling requires:
    // a pooled context may not change its options here.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        var replaced = optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ReplacedServices;
        if (replaced is null || !replaced.Keys.Any(k => k.Item1 == typeof(IHistoryRepository)))
            Configure(optionsBuilder);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly);
    }
}
