using System.ComponentModel.DataAnnotations;

namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>The receiving form: where the goods go and a quantity per open line.</summary>
public sealed class ReceiveInput
{
    [Display(Name = "Receive into")]
    public Guid? LocationId { get; set; }

    public List<ReceiveLineInput> Lines { get; set; } = [];

    [HiddenInput]
    public string? IdempotencyKey { get; set; } = FormKeys.New();
}
