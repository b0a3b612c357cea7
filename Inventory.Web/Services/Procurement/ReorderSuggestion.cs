namespace Inventory.Web.Services.Procurement;

/// <summary>An item at or below its reorder point (counting stock on order) and how much to order.</summary>
public sealed record ReorderSuggestion(Guid ItemId, string Sku, string Name, string Unit, decimal OnHand, decimal OnOrder,
    decimal ReorderPoint, decimal ReorderQuantity, decimal SuggestedQuantity, ReorderTerms? Supplier);
