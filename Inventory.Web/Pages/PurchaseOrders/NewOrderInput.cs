using System.ComponentModel.DataAnnotations;

namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>A new draft's form: the order form and the supplier (a draft's supplier does not change).</summary>
public sealed class NewOrderInput : OrderInput
{
    [Display(Name = "Supplier")]
    public Guid? SupplierId { get; set; }
}
