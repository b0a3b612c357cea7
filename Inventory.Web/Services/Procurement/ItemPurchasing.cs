namespace Inventory.Web.Services.Procurement;

/// <summary>An item's purchasing context (procurement's <c>GET api/items/{id}/purchasing</c>).</summary>
public sealed record ItemPurchasing(Guid ItemId, IReadOnlyList<ItemSupplier> Suppliers, decimal OnOrder, IReadOnlyList<OpenOrderLine> OpenOrders);

public sealed record ItemSupplier(Guid SupplierItemId, Guid SupplierId, string SupplierName, string? SupplierSku, decimal UnitPrice,
    string Currency, decimal MinimumOrderQuantity, int LeadTimeDays, bool IsPreferred);

/// <summary>The item on one open order: ordered, received and still to come.</summary>
public sealed record OpenOrderLine(Guid OrderId, string Number, Guid SupplierId, string SupplierName, string Status,
    DateOnly? ExpectedDate, decimal Ordered, decimal Received, decimal Remaining);
