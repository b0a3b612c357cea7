namespace Inventory.Web.Services.Procurement;

/// <summary>The supplier a suggested item would be bought from, and its terms.</summary>
public sealed record ReorderTerms(Guid SupplierId, string SupplierName, decimal UnitPrice, decimal MinimumOrderQuantity, bool IsPreferred,
    string Currency);
