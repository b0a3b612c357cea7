using Inventory.Web.Scanning;

namespace Inventory.Web.Pages.Floor;

/// <summary>
/// What every floor flow page shares: the batch carried in its form (<see cref="FloorBatch"/>), the feedback of the
/// last scan, reading a scanned code through the one <see cref="CodeResolver"/> (exact matches only) into the one
/// kind of thing the step asks for — or an error that names the code — and removing a line. A flow page's scan
/// handler calls <see cref="ScanAsync"/> and then <see cref="ItemOf"/> / <see cref="LocationOf"/> / <see cref="OrderOf"/>;
/// <see cref="ShowAsync"/> loads what the page shows around the batch (an order, a location's stock …).
/// </summary>
public abstract class FloorPage(CodeResolver resolver) : ApiPageModel
{
    [BindProperty(Name = FloorBatch.Prefix)]
    public FloorBatch Batch { get; set; } = new();

    public ScanFeedback Feedback { get; protected set; } = ScanFeedback.None;

    /// <summary>Loads what the page shows and renders it with the batch as it now is.</summary>
    protected abstract Task<IActionResult> ShowAsync(CancellationToken ct);

    /// <summary>"Remove" on a line: drops it from the batch (nothing was booked for it).</summary>
    public Task<IActionResult> OnPostRemoveAsync(int index, CancellationToken ct)
    {
        if (index >= 0 && index < Batch.Lines.Count)
        {
            var line = Batch.Lines[index];
            Batch.Lines.RemoveAt(index);
            Feedback = ScanFeedback.Success($"Removed {line.Sku}.");
        }
        return ShowAsync(ct);
    }

    /// <summary>What the scan box's code names (the box is cleared for the next scan); null, with feedback, when it was empty.</summary>
    protected async Task<CodeResolution?> ScanAsync(CancellationToken ct)
    {
        var code = Batch.Code?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            // Enter in a line's quantity (or another field of the form) presses the form's default button, Scan, with
            // an empty box: the batch is re-rendered as edited, which is what the person meant, so that is no error.
            Feedback = Batch.Lines.Count > 0
                ? ScanFeedback.Success("Changes kept. Scan the next code.")
                : ScanFeedback.Error("Scan or type a code first.");
            return null;
        }
        if (Batch.Quantity is <= 0)
        {
            Feedback = ScanFeedback.Error("The quantity must be more than zero.");
            return null;
        }
        Batch.Code = null;
        return await resolver.ResolveAsync(code, ct);
    }

    /// <summary>The one item the code names, or null with an error naming the code ("X is a location; scan an item").</summary>
    protected ItemSummary? ItemOf(CodeResolution scanned) => OneOf(scanned, scanned.Items, "item");

    protected CatalogLocation? LocationOf(CodeResolution scanned) => OneOf(scanned, scanned.Locations, "location");

    protected PurchaseOrderSummary? OrderOf(CodeResolution scanned) => OneOf(scanned, scanned.Orders, "purchase order");

    private T? OneOf<T>(CodeResolution scanned, IReadOnlyList<T> wanted, string noun) where T : class
    {
        if (wanted.Count == 1)
            return wanted[0];
        Refuse(scanned, wanted.Count, noun);
        return null;
    }

    /// <summary>Says, naming the code, why it is not the one <paramref name="noun"/> the step asks for.</summary>
    protected void Refuse(CodeResolution scanned, int matches, string noun) => Feedback = ScanFeedback.Error(WhyNot(scanned, matches, noun));

    // A service that did not answer comes first: then "not found" would be a lie.
    private static string WhyNot(CodeResolution scanned, int matches, string noun)
    {
        var code = scanned.Code;
        var wanted = $"{Article(noun)} {noun}";
        if (matches > 1)
            return $"{code} names {matches} {noun}s: make their codes unique, or choose on the desktop.";
        if (scanned.Problems.Count > 0)
            return $"{scanned.Problems[0].Title} Scan {code} again in a moment.";
        if (scanned.Items.Count > 0)
            return $"{code} is an item ({scanned.Items[0].Name}); scan {wanted}.";
        if (scanned.Locations.Count > 0)
            return $"{code} is a location ({scanned.Locations[0].Path}); scan {wanted}.";
        if (scanned.Orders.Count > 0)
            return $"{code} is a purchase order; scan {wanted}.";
        return $"No {noun} has the code {code}.";
    }

    private static string Article(string noun) => "aeiou".Contains(noun[0]) ? "an" : "a";
}
