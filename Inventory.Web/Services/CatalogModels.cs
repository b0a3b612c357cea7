using System.Text.Json;

namespace Inventory.Web.Services;

// The web's view of the catalog service's JSON (see docs/api.md, Catalog); fields the pages do not show are left out.

/// <summary>A row of the item list.</summary>
public sealed record CatalogItem(Guid Id, string Sku, string Name, string? Description, string Unit, decimal UnitCost,
    decimal ReorderPoint, decimal ReorderQuantity, bool IsArchived, DateTimeOffset UpdatedAt, Guid? CategoryId, string? CategoryPath,
    string? Barcode, decimal OnHand, int Version);

/// <summary>An item with its stock per location and its latest movements.</summary>
public sealed record CatalogItemDetail(Guid Id, string Sku, string Name, string? Description, string Unit, decimal UnitCost,
    decimal ReorderPoint, decimal ReorderQuantity, bool IsArchived, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    Guid? CategoryId, string? CategoryPath, string? Barcode, Guid? PreferredSupplierId, decimal OnHand, int Version, bool IsLowStock,
    IReadOnlyList<StockLevel> Stock, IReadOnlyList<StockMovement> RecentMovements);

/// <summary>The body of an item create (no version) or update (with the version read).</summary>
public sealed record CatalogItemWrite(string? Sku, string? Name, string? Description, string? Unit, decimal? UnitCost,
    decimal? ReorderPoint, decimal? ReorderQuantity, Guid? CategoryId, string? Barcode, Guid? PreferredSupplierId, int? Version);

public sealed record StockLevel(Guid ItemId, string Sku, Guid LocationId, string LocationCode, string LocationPath, decimal OnHand, DateTimeOffset UpdatedAt);

public sealed record StockMovement(Guid Id, long Seq, Guid ItemId, Guid LocationId, decimal Quantity, decimal BalanceAfter, string Type,
    string? ReasonCode, string? Reference, string? Note, string UserId, DateTimeOffset OccurredAt);

public sealed record MovementResult(Guid OperationId, IReadOnlyList<StockMovement> Movements);

public enum MovementKind
{
    Receipt,
    Issue,
    Adjustment,
    Transfer,
}

/// <summary>One movement form's body; the catalog reads the members its endpoint takes (receipt/issue: location; transfer: from/to; adjustment: reason).</summary>
public sealed record MovementWrite(Guid ItemId, Guid? LocationId, Guid? FromLocationId, Guid? ToLocationId, decimal? Quantity,
    string? ReasonCode, string? Reference, string? Note);

public sealed record CatalogCategory(Guid Id, string Name, Guid? ParentId, string Path, int Depth, bool IsArchived, int Version);

public sealed record CategoryWrite(string? Name, Guid? ParentId, int? Version);

public sealed record LocationWrite(string? Code, string? Name, string? Kind, Guid? ParentId, bool? AllowsNegative, int? Version);

public sealed record CatalogLocation(Guid Id, string Code, string Name, string Kind, Guid? ParentId, string Path, int Depth,
    bool AllowsNegative, bool IsArchived, int Version);

/// <summary>A catalog audit entry: <see cref="Changes"/> is <c>{ field: { before, after } }</c>.</summary>
public sealed record CatalogAuditEntry(long Id, string Action, string UserId, DateTimeOffset OccurredAt, JsonElement Changes);

public sealed record DashboardFigures(int ItemCount, decimal StockValue, int LowStockCount, int MovementsToday,
    IReadOnlyList<CategoryValue> StockValueByCategory, IReadOnlyList<DailyMovements> MovementsPerDay);

public sealed record CategoryValue(Guid? CategoryId, string Category, decimal Value);

public sealed record DailyMovements(DateOnly Date, int Count);

/// <summary>The item list's filters and order, as the catalog's <c>GET /api/items</c> takes them.</summary>
public sealed record ItemQuery(string? Search, Guid? CategoryId, Guid? LocationId, bool LowStock, string Archived, string Sort, string Dir)
{
    public static readonly string[] Sorts = ["sku", "name", "onHand", "updatedAt"];
    public static readonly string[] ArchivedFilters = ["active", "archived", "all"];
}

public sealed record ImportCounts(int Created, int Updated, int Unchanged);

public sealed record CountSummary(Guid Id, Guid LocationId, string LocationCode, string Status, bool Blind, string OpenedBy,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, int Lines, int Counted);

public sealed record CountSession(Guid Id, Guid LocationId, string LocationCode, string Status, bool Blind, string? Note, string OpenedBy,
    DateTimeOffset OpenedAt, string? ClosedBy, DateTimeOffset? ClosedAt, bool ExpectedHidden, IReadOnlyList<CountLine> Lines)
{
    public bool IsOpen => Status == "open";
}

public sealed record CountLine(Guid ItemId, string Sku, string Name, string Unit, decimal? SnapshotQuantity, decimal? MovementsSinceSnapshot,
    decimal? ExpectedQuantity, decimal? CountedQuantity, decimal? Variance, string? CountedBy, DateTimeOffset? CountedAt);

public sealed record OpenCountWrite(Guid? LocationId, bool Blind, string? Note);

public sealed record CountedLineWrite(Guid ItemId, decimal CountedQuantity);
