namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>What the line-rows partial needs from the create and edit pages.</summary>
public interface IOrderForm
{
    OrderInput Input { get; }

    /// <summary>The supplier's items and prices, offered as SKU suggestions; null when no supplier is chosen yet.</summary>
    IReadOnlyList<SupplierItemDetail>? SupplierItems { get; }

    string? Currency { get; }
}
