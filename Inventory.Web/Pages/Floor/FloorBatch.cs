namespace Inventory.Web.Pages.Floor;

/// <summary>
/// The batch a floor flow builds before it books anything: the scan box's code and the quantity for the next scan,
/// the lines scanned so far (re-rendered as hidden inputs by <c>_FloorLines</c>), and the one Idempotency-Key of the
/// batch's confirm button, kept across every scan so a double tap on "Post receipt" / "Move" books once.
/// </summary>
public sealed class FloorBatch
{
    /// <summary>The form field prefix: a floor page binds its batch as <c>Batch</c>.</summary>
    public const string Prefix = "Batch";

    public string? Code { get; set; }

    /// <summary>How many the next scan adds (the "Quantity" beside the scan box); 1 when left blank.</summary>
    public decimal? Quantity { get; set; }

    public List<FloorLine> Lines { get; set; } = [];

    [HiddenInput]
    public string? IdempotencyKey { get; set; } = FormKeys.New();

    public decimal NextQuantity => Quantity is > 0 ? Quantity.Value : 1;

    public FloorLine? LineOf(Guid itemId) => Lines.FirstOrDefault(l => l.ItemId == itemId);

    /// <summary>Adds <paramref name="quantity"/> of the item: to its line when it has one, else as a new last line.</summary>
    public FloorLine Add(ItemSummary item, decimal quantity) => Add(item.Id, item.Sku, item.Name, quantity);

    public FloorLine Add(Guid itemId, string sku, string name, decimal quantity)
    {
        var line = LineOf(itemId);
        if (line is null)
        {
            line = new FloorLine { ItemId = itemId, Sku = sku, Name = name };
            Lines.Add(line);
        }
        line.Quantity += quantity;
        return line;
    }

    /// <summary>Clears the scan box for the next scan: its code, and the quantity back to 1.</summary>
    public void NextScan()
    {
        Code = null;
        Quantity = null;
    }
}
