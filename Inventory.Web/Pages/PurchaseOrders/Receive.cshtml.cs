using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>Receives goods against a submitted order: a location and a quantity per open line (blank: not received now).</summary>
[Authorize(Roles = UserRoles.Operators)]
public sealed class OrderReceiveModel(ProcurementClient procurement, CatalogClient catalog) : ApiPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ReceiveInput Input { get; set; } = new();

    public PurchaseOrderDetail? Order { get; private set; }

    /// <summary>The chosen location to receive into (the picker finds the others); null when the catalog does not answer (the page then asks for the id).</summary>
    public List<SelectListItem>? LocationChoices { get; private set; }

    /// <summary>Whether the catalog has any active location to receive into.</summary>
    public bool HasLocations { get; private set; }
    public ApiProblem? LocationsProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadOrderAsync(ct) is { } stop)
            return stop;
        await LoadLocationsAsync(ct);
        Input.Lines = Order?.Lines.Where(l => l.QuantityOpen > 0).Select(l => new ReceiveLineInput { LineId = l.Id }).ToList() ?? [];
        return Page();
    }

    // Receiving needs procurement only: the catalog's location list is read just to show the form again.
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadOrderAsync(ct) is { } stop)
            return stop;
        if (Order is null || !ModelState.IsValid)
            return await FormAgainAsync(ct);

        // Only rows with a quantity are sent; remember which row each sent line came from, for its errors.
        var rows = Enumerable.Range(0, Input.Lines.Count).Where(i => Input.Lines[i].Quantity is { } q && q != 0).ToList();
        if (rows.Count == 0)
        {
            ModelState.AddModelError("", "Enter the quantity received for at least one line.");
            return await FormAgainAsync(ct);
        }
        var lines = rows.Select(i => new ReceiveLineWrite(Input.Lines[i].LineId, Input.Lines[i].Quantity!.Value)).ToList();
        var result = await procurement.ReceiveAsync(Id, new ReceiveWrite(Input.LocationId, lines), FormKeys.OrNew(Input.IdempotencyKey), ct);
        if (!result.Succeeded)
        {
            if (result.Problem.IsNotFound)
                return NotFound();
            AddProblem(result.Problem, new FieldMap("Input").Rows("lines", rows));
            return await FormAgainAsync(ct);
        }
        var count = result.Value.Lines.Count;
        return RedirectWithMessage($"Received {count} line{(count == 1 ? "" : "s")} on {Order.Number}. Stock is posted to the catalog in the background.",
            "/PurchaseOrders/Details", new { id = Id });
    }

    public OrderLine? LineOf(ReceiveLineInput row) => Order?.Lines.FirstOrDefault(l => l.Id == row.LineId);

    private async Task<IActionResult> FormAgainAsync(CancellationToken ct)
    {
        await LoadLocationsAsync(ct);
        return Page();
    }

    private async Task<IActionResult?> LoadOrderAsync(CancellationToken ct)
    {
        var order = await procurement.GetOrderAsync(Id, ct);
        if (!order.Succeeded)
            return NotFoundOrShow(order.Problem);
        if (!order.Value.CanReceive)
            return RedirectWithMessage(order.Value.Refusal("it takes no receipts"), "/PurchaseOrders/Details", new { id = Id });
        Order = order.Value;
        return null;
    }

    private async Task LoadLocationsAsync(CancellationToken ct)
    {
        // One location is asked for, not the first 200: it tells whether the catalog answers and has any location yet.
        var first = catalog.FindLocationsAsync(null, false, null, 1, ct);
        var chosen = PickerChoices.ChosenAsync([Input.LocationId], catalog.GetLocationAsync, ct);
        var locations = await first;
        var chosenLocations = await chosen;
        if (!locations.Succeeded)
        {
            LocationsProblem = locations.Problem;
            return;
        }
        HasLocations = locations.Value.Items.Count > 0;
        LocationChoices = chosenLocations.Select(l => new SelectListItem($"{l.Path} — {l.Name}", l.Id.ToString())).ToList();
    }
}
