namespace Inventory.Web.Pages.Floor;

/// <summary>
/// What the one scan box of a floor page asks for (<c>_ScanStep</c>): its label ("Scan an item"), the words of its
/// button (the form's default button, so a keyboard-wedge scanner's Enter presses it), the page handler that button
/// posts to, and whether the "Quantity" for the next scan sits beside it. The box posts <c>Batch.Code</c> (and
/// <c>Batch.Quantity</c>); <see cref="InputMode"/> is "numeric" only where every code is digits.
/// </summary>
public sealed record ScanStep(string Label, string Button = "Add", string Handler = "Scan", bool WithQuantity = false,
    string? Hint = null, string InputMode = "text")
{
    /// <summary>What the "Quantity" box shows: 1, or what the user typed when the scan failed.</summary>
    public decimal Quantity { get; init; } = 1;

    public const string CodeId = "floor-code";
    public const string QuantityId = "floor-quantity";
}
