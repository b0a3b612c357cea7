namespace Inventory.Web.Pages.Counts;

/// <summary>A row of the count form: the item (hidden) and the quantity counted (blank: not counted yet).</summary>
public sealed class CountEntry
{
    [HiddenInput]
    public Guid ItemId { get; set; }

    public decimal? Counted { get; set; }
}
