using System.ComponentModel.DataAnnotations;

namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>
/// The draft form: header and a fixed number of line rows (blank rows are ignored), so it works without script;
/// "Add lines" posts back for more rows, and wwwroot/js/site.js adds rows in place when script runs. The supplier is
/// chosen only on a new draft (<see cref="NewOrderInput"/>).
/// </summary>
public class OrderInput
{
    public const int RowsToAdd = 5;

    [Display(Name = "Expected date")]
    public DateOnly? ExpectedDate { get; set; }

    public string? Notes { get; set; }

    public List<OrderLineInput> Lines { get; set; } = [];

    /// <summary>The version the draft was loaded at (edit only).</summary>
    [HiddenInput]
    public int? Version { get; set; }

    [HiddenInput]
    public string? IdempotencyKey { get; set; } = FormKeys.New();

    public void AddBlankRows(int count)
    {
        for (var i = 0; i < count; i++)
            Lines.Add(new OrderLineInput());
    }

    public static OrderInput From(PurchaseOrderDetail order) => new()
    {
        ExpectedDate = order.ExpectedDate,
        Notes = order.Notes,
        Version = order.Version,
        Lines = order.Lines.Select(l => new OrderLineInput
        {
            Sku = l.ItemSku, Quantity = l.QuantityOrdered, UnitPrice = l.UnitPrice, ItemId = l.ItemId, KnownSku = l.ItemSku,
        }).ToList(),
    };
}
