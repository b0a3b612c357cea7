namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>A line row of the draft form: the item by SKU, the quantity and (blank: the supplier's) unit price.</summary>
public sealed class OrderLineInput
{
    public string? Sku { get; set; }
    public decimal? Quantity { get; set; }

    /// <summary>Blank: the supplier's price for the item.</summary>
    public decimal? UnitPrice { get; set; }

    /// <summary>The catalog id <see cref="KnownSku"/> was resolved to earlier, so an unchanged row needs no look-up.</summary>
    [HiddenInput]
    public Guid? ItemId { get; set; }

    [HiddenInput]
    public string? KnownSku { get; set; }

    /// <summary>No SKU and no quantity: not a line (clearing both removes a line from a draft).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Sku) && Quantity is null;
}
