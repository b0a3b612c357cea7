namespace Inventory.ProcurementService.Purchasing;

/// <summary>An item's purchasing context: who sells it on what terms, how much is on order, and the orders carrying it.</summary>
public sealed record ItemPurchasingDto(Guid ItemId, IReadOnlyList<ItemSupplierDto> Suppliers, decimal OnOrder, IReadOnlyList<OpenOrderLineDto> OpenOrders);

/// <summary>One supplier's terms for the item, with the supplier's name and currency.</summary>
public sealed record ItemSupplierDto(Guid SupplierItemId, Guid SupplierId, string SupplierName, string? SupplierSku, decimal UnitPrice,
    string Currency, decimal MinimumOrderQuantity, int LeadTimeDays, bool IsPreferred);

/// <summary>The item on one open order (summed over the order's lines of it).</summary>
public sealed record OpenOrderLineDto(Guid OrderId, string Number, Guid SupplierId, string SupplierName, string Status,
    DateOnly? ExpectedDate, decimal Ordered, decimal Received, decimal Remaining);
