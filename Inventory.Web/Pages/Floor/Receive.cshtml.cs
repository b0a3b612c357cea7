using Inventory.Web.Scanning;
using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Floor;

/// <summary>
/// Receive on the floor (Clerk and above): scan or pick an open purchase order → scan or choose the location →
/// scan items, each adding one (or the typed quantity) to its order line; "Receive all remaining" for a line or the
/// whole order; one "Post receipt" books it through procurement with the batch's Idempotency-Key (as the desktop
/// Receive page does), then the page shows the receipt's posting state and the order's new figures.
/// </summary>
[Authorize(Roles = UserRoles.Operators)]
public sealed class FloorReceiveModel(CodeResolver resolver, ProcurementClient procurement, CatalogClient catalog) : FloorPage(resolver)
{
    public const int OpenOrdersShown = 10;

    [BindProperty(SupportsGet = true)] public Guid? OrderId { get; set; }

    [BindProperty(SupportsGet = true)] public Guid? LocationId { get; set; }

    /// <summary>The receipt just posted (after the redirect), shown with its lines' posting state.</summary>
    [BindProperty(SupportsGet = true)] public Guid? ReceiptId { get; set; }

    public PurchaseOrderDetail? Order { get; private set; }

    public CatalogLocation? Location { get; private set; }

    public GoodsReceipt? Receipt { get; private set; }

    /// <summary>Orders that take receipts (submitted, then partly received), to tap instead of scanning.</summary>
    public IReadOnlyList<PurchaseOrderSummary> OpenOrders { get; private set; } = [];

    /// <summary>Why the location picker cannot find locations now (the catalog does not answer), if so.</summary>
    public ApiProblem? LocationsProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (OrderId is not null && ReceiptId is not null)
            await LoadReceiptAsync(ct);
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostScanAsync(CancellationToken ct)
    {
        if (await ScanAsync(ct) is not { } scanned)
            return await ShowAsync(ct);
        if (OrderId is null)
            await ScanOrderAsync(scanned, ct);
        else if (LocationId is null)
            ScanLocation(scanned);
        else
            await ScanItemAsync(scanned, ct);
        return await ShowAsync(ct);
    }

    /// <summary>"Use this location" beside the location list (instead of scanning its barcode).</summary>
    public Task<IActionResult> OnPostLocationAsync(Guid? chosenLocationId, CancellationToken ct)
    {
        LocationId = chosenLocationId;
        if (LocationId is null)
            Feedback = ScanFeedback.Error("Choose the location to receive into.");
        return ShowAsync(ct);
    }

    /// <summary>"Change location": back to the location step; the lines scanned so far stay.</summary>
    public Task<IActionResult> OnPostChangeLocationAsync(CancellationToken ct)
    {
        LocationId = null;
        return ShowAsync(ct);
    }

    /// <summary>"Receive all remaining" on one order line (<paramref name="lineId"/>) or, without one, on every open line.</summary>
    public async Task<IActionResult> OnPostRemainingAsync(Guid? lineId, CancellationToken ct)
    {
        if (await LoadOrderAsync(ct))
        {
            var open = Order!.Lines.Where(l => l.QuantityOpen > 0 && (lineId is null || l.Id == lineId)).ToList();
            foreach (var line in open)
                Batch.Add(line.ItemId, line.ItemSku, line.Description, line.QuantityOpen - (Batch.LineOf(line.ItemId)?.Quantity ?? 0));
            Feedback = open.Count == 0 ? ScanFeedback.Error("Nothing remains to be received.")
                : ScanFeedback.Success(open.Count == 1 ? $"All remaining of {open[0].ItemSku}: {Format.Quantity(open[0].QuantityOpen)}." : "All remaining of every line.");
        }
        return await ShowAsync(ct);
    }

    /// <summary>"Post receipt": the batch's lines with a quantity, into the location, in one receipt.</summary>
    public async Task<IActionResult> OnPostPostAsync(CancellationToken ct)
    {
        if (!await LoadOrderAsync(ct) || LocationId is null)
            return await ShowAsync(ct);
        var lines = Batch.Lines.Where(l => l.Quantity != 0).ToList();
        if (lines.Count == 0)
        {
            Feedback = ScanFeedback.Error("Scan at least one item before posting.");
            return await ShowAsync(ct);
        }
        if (lines.FirstOrDefault(l => l.Quantity < 0) is { } negative)
        {
            Feedback = ScanFeedback.Error($"The quantity of {negative.Sku} must be more than zero.");
            return await ShowAsync(ct);
        }
        if (lines.FirstOrDefault(l => OrderLineOf(l.ItemId) is null) is { } stray)
        {
            Feedback = ScanFeedback.Error($"{stray.Sku} is not on {Order!.Number}: remove it.");
            return await ShowAsync(ct);
        }
        var write = new ReceiveWrite(LocationId, lines.Select(l => new ReceiveLineWrite(OrderLineOf(l.ItemId)!.Id, l.Quantity)).ToList());
        var result = await procurement.ReceiveAsync(Order!.Id, write, FormKeys.OrNew(Batch.IdempotencyKey), ct);
        if (!result.Succeeded)
        {
            if (result.Problem.IsNotFound)
                return NotFound();
            AddProblem(result.Problem);
            Feedback = ScanFeedback.Error($"Not posted: {result.Problem.Title}");
            return await ShowAsync(ct);
        }
        var count = result.Value.Lines.Count;
        return RedirectWithMessage($"Posted a receipt of {count} line{(count == 1 ? "" : "s")} on {Order.Number}.",
            null, new { orderId = Order.Id, locationId = LocationId, receiptId = result.Value.Id });
    }

    public OrderLine? OrderLineOf(Guid itemId) => Order?.Lines.FirstOrDefault(l => l.ItemId == itemId);

    /// <summary>How much of an order line this batch receives now (0 when none).</summary>
    public decimal ReceivingNow(OrderLine line) => Batch.LineOf(line.ItemId)?.Quantity ?? 0;

    protected override async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        // An order that is gone or takes no receipts (unless it is the one just received in full): choose another.
        if (OrderId is not null && !await LoadOrderAsync(ct) && Receipt is null)
        {
            OrderId = null;
            Order = null;
        }
        if (OrderId is null)
            await LoadOpenOrdersAsync(ct);
        else if (Order is { CanReceive: true })
        {
            await LoadLocationAsync(ct);
            if (LocationId is null)
                await LoadLocationsAsync(ct);
            foreach (var line in Batch.Lines)
                Describe(line);
        }
        return Page();
    }

    private async Task ScanOrderAsync(CodeResolution scanned, CancellationToken ct)
    {
        if (OrderOf(scanned) is not { } order)
            return;
        OrderId = order.Id;
        if (await LoadOrderAsync(ct))
            Feedback = ScanFeedback.Success($"{Order!.Number} from {Order.SupplierName}. Now scan the location to receive into.");
    }

    private void ScanLocation(CodeResolution scanned)
    {
        if (LocationOf(scanned) is not { } location)
            return;
        LocationId = location.Id;
        Location = location;
        Feedback = ScanFeedback.Success($"Receiving into {location.Path}. Now scan the items.");
    }

    private async Task ScanItemAsync(CodeResolution scanned, CancellationToken ct)
    {
        if (ItemOf(scanned) is not { } item || !await LoadOrderAsync(ct))
            return;
        if (OrderLineOf(item.Id) is null)
        {
            Feedback = ScanFeedback.Error($"{scanned.Code} ({item.Sku} · {item.Name}) is not on {Order!.Number}.");
            return;
        }
        var line = Batch.Add(item, Batch.NextQuantity);
        Batch.NextScan();
        Feedback = ScanFeedback.Success($"{item.Sku}: receiving {Format.Quantity(line.Quantity)}.");
    }

    // Ordered / received / remaining of the line's order line, and a warning before an over-receipt is posted.
    private void Describe(FloorLine line)
    {
        if (OrderLineOf(line.ItemId) is not { } orderLine)
        {
            line.Warning = $"{line.Sku} is not on {Order!.Number}: remove it.";
            return;
        }
        line.Note = $"Ordered {Format.Quantity(orderLine.QuantityOrdered)} · received {Format.Quantity(orderLine.QuantityReceived)} · remaining {Format.Quantity(orderLine.QuantityOpen)}";
        if (line.Quantity > orderLine.QuantityOpen)
            line.Warning = $"Over-receipt: {Format.Quantity(line.Quantity - orderLine.QuantityOpen)} more than the {Format.Quantity(orderLine.QuantityOpen)} remaining.";
    }

    /// <summary>Reads the order (once per request); false, with feedback, when it is gone or takes no receipts.</summary>
    private async Task<bool> LoadOrderAsync(CancellationToken ct)
    {
        if (Order is not null)
            return Order.CanReceive;
        if (OrderId is null)
            return false;
        var order = await procurement.GetOrderAsync(OrderId.Value, ct);
        if (!order.Succeeded)
        {
            Feedback = ScanFeedback.Error(order.Problem.IsNotFound ? "That purchase order is gone: scan another." : order.Problem.Title);
            return false;
        }
        Order = order.Value;
        if (!Order.CanReceive && Receipt is null && ReceiptId is null)
            Feedback = ScanFeedback.Error(Order.Refusal("it takes no receipts"));
        return Order.CanReceive;
    }

    private async Task LoadReceiptAsync(CancellationToken ct)
    {
        var receipts = await procurement.ListReceiptsAsync(OrderId!.Value, ct);
        Receipt = receipts.Value?.FirstOrDefault(r => r.Id == ReceiptId);
        if (Receipt is not null)
            await LoadOrderAsync(ct);
    }

    private async Task LoadOpenOrdersAsync(CancellationToken ct)
    {
        var submitted = procurement.ListOrdersAsync(PurchaseOrderStatuses.Submitted, null, null, OpenOrdersShown, ct);
        var partly = procurement.ListOrdersAsync(PurchaseOrderStatuses.PartiallyReceived, null, null, OpenOrdersShown, ct);
        var (s, p) = (await submitted, await partly);
        LoadProblem = s.Problem ?? p.Problem;
        OpenOrders = [.. p.Value?.Items ?? [], .. s.Value?.Items ?? []];
    }

    private async Task LoadLocationAsync(CancellationToken ct)
    {
        if (LocationId is null || Location is not null)
            return;
        var location = await catalog.GetLocationAsync(LocationId.Value, ct);
        if (location.Succeeded)
            Location = location.Value;
        else
        {
            Feedback = ScanFeedback.Error(location.Problem.IsNotFound ? "That location is gone: scan another." : location.Problem.Title);
            LocationId = null;
        }
    }

    // The location picker finds locations as the user types (none are rendered): one is asked for only to say so at once
    // when the catalog does not answer.
    private async Task LoadLocationsAsync(CancellationToken ct) =>
        LocationsProblem = (await catalog.FindLocationsAsync(null, false, null, 1, ct)).Problem;
}
