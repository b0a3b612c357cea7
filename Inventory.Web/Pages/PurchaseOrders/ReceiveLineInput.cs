namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>A row of the receiving form: the order line (hidden) and how much of it arrived now (blank: none).</summary>
public sealed class ReceiveLineInput
{
    [HiddenInput]
    public Guid LineId { get; set; }

    public decimal? Quantity { get; set; }
}
