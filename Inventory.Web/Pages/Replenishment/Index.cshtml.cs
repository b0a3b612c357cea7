namespace Inventory.Web.Pages.Replenishment;

/// <summary>
/// Items at or below their reorder point (counting stock on order), grouped by the supplier they would be bought
/// from; a manager ticks some and gets one draft per supplier.
/// </summary>
public sealed class ReplenishmentModel(ProcurementClient procurement) : ApiPageModel
{
    [BindProperty]
    public List<Guid> ItemIds { get; set; } = [];

    public IReadOnlyList<ReorderGroup>? Groups { get; private set; }
    public DraftOrders? Result { get; private set; }

    /// <summary>What the result names by id, from the suggestions the user chose from.</summary>
    public Dictionary<Guid, string> SkuOf { get; } = [];
    public Dictionary<Guid, string> SupplierOf { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (ItemIds.Count == 0)
        {
            ModelState.AddModelError("", "Tick at least one item to order.");
            return Page();
        }
        var result = await procurement.CreateDraftsAsync(ItemIds, FormKey, ct);
        if (!result.Succeeded)
        {
            AddProblem(result.Problem);
            return Page();
        }
        Result = result.Value;
        // What was ordered is now on order and drops out of the suggestions; the next submit is a new request.
        await LoadAsync(ct);
        ModelState.Clear();
        ItemIds = [];
        IdempotencyKey = null;
        return Page();
    }

    /// <summary>Ticked: what the user ticked when the page comes back with an error, else every item that has a supplier.</summary>
    public bool IsTicked(ReorderSuggestion suggestion) =>
        Request.Method == HttpMethods.Post && Result is null ? ItemIds.Contains(suggestion.ItemId) : suggestion.Supplier is not null;

    private async Task LoadAsync(CancellationToken ct)
    {
        var groups = await procurement.GetSuggestionsAsync(ct);
        if (!groups.Succeeded)
        {
            NotFoundOrShow(groups.Problem);
            return;
        }
        LoadProblem = null;
        Groups = groups.Value;
        foreach (var suggestion in Groups.SelectMany(g => g.Suggestions))
        {
            SkuOf[suggestion.ItemId] = suggestion.Sku;
            if (suggestion.Supplier is { } supplier)
                SupplierOf[supplier.SupplierId] = supplier.SupplierName;
        }
    }
}
