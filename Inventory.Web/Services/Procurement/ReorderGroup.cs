namespace Inventory.Web.Services.Procurement;

/// <summary>The suggestions one supplier would get (no supplier: items no supplier sells yet).</summary>
public sealed record ReorderGroup(Guid? SupplierId, string? SupplierName, IReadOnlyList<ReorderSuggestion> Suggestions);
