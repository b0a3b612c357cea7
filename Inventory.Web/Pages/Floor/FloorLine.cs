namespace Inventory.Web.Pages.Floor;

/// <summary>
/// A scanned line of a floor batch, carried in the form as hidden inputs (<c>Batch.Lines[i].*</c>) until the batch is
/// confirmed. <see cref="Note"/> and <see cref="Warning"/> are the page's words about the line (ordered / received /
/// remaining, what is available, an over-receipt); they are worked out again on every post, never posted back.
/// </summary>
public sealed class FloorLine
{
    public Guid ItemId { get; set; }

    public string Sku { get; set; } = "";

    public string Name { get; set; } = "";

    public decimal Quantity { get; set; }

    [BindNever] public string? Note { get; set; }

    [BindNever] public string? Warning { get; set; }
}
