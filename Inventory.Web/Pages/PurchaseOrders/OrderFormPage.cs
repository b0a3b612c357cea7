namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>What the new-draft and edit-draft pages share: the form with its line rows, resolving SKUs, saving, more rows.</summary>
public abstract class OrderFormPage<TInput>(ProcurementClient procurement, CatalogClient catalog) : ApiPageModel, IOrderForm
    where TInput : OrderInput, new()
{
    protected ProcurementClient Procurement => procurement;

    [BindProperty]
    public TInput Input { get; set; } = new();

    OrderInput IOrderForm.Input => Input;

    public IReadOnlyList<SupplierItemDetail>? SupplierItems { get; protected set; }

    public abstract string? Currency { get; }

    /// <summary>The draft edited; null for a new one.</summary>
    protected abstract Guid? OrderId { get; }

    /// <summary>Whether the page's data loaded well enough to save (an edit needs its draft).</summary>
    protected virtual bool CanSave => true;

    /// <summary>Reads what the page shows besides the form; a result stops the request (404, a redirect).</summary>
    protected abstract Task<IActionResult?> LoadAsync(CancellationToken ct);

    protected abstract PurchaseOrderWrite ToWrite(IReadOnlyList<OrderLineWrite> lines);

    /// <summary>The page's own checks before anything is sent.</summary>
    protected virtual void Check()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
            return stop;
        if (!CanSave)
            return Page();
        var (lines, rows, problem) = ModelState.IsValid ? await new OrderLines(catalog).ResolveAsync(Input, ModelState, ct) : ([], [], null);
        if (problem is not null)
            AddProblem(problem);
        Check();
        if (!ModelState.IsValid)
            return Page();

        var result = await procurement.SaveOrderAsync(OrderId, ToWrite(lines), FormKeys.OrNew(Input.IdempotencyKey), ct);
        if (result.Succeeded)
            return RedirectWithMessage($"Draft {result.Value.Number} {(OrderId is null ? "created" : "saved")}.", "/PurchaseOrders/Details", new { id = result.Value.Id });
        if (result.Problem.IsNotFound)
            return NotFound();
        AddProblem(result.Problem, OrderLines.Fields(rows));
        return Page();
    }

    /// <summary>More empty rows (the form without script).</summary>
    public async Task<IActionResult> OnPostAddLinesAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } stop)
            return stop;
        ModelState.Clear();
        Input.AddBlankRows(OrderInput.RowsToAdd);
        return Page();
    }
}
