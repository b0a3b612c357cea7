namespace Inventory.Web.Pages.Shared;

/// <summary>
/// A form that creates (no <see cref="Id"/>) or edits one thing of a service: editing reads it into <see cref="Input"/>
/// first (<see cref="ReadAsync"/>), every render reads the choices the form offers, and a post sends the form with its
/// Idempotency-Key. A refusal keeps the person's input, with each error where <see cref="FieldMap"/> puts it on this
/// form (a stale version: they reload to see the other change, then apply theirs again).
/// </summary>
public abstract class FormPage<TInput> : ApiPageModel where TInput : class, IKeyedInput, new()
{
    /// <summary>The thing edited, from the route; null on a page that creates one.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public TInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id && await ReadAsync(id, ct) is { } problem)
            return NotFoundOrShow(problem) ?? Page();
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await SaveAsync(FormKeys.OrNew(Input.IdempotencyKey), ct) is { } done)
            return done;
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>Reads the thing edited into <see cref="Input"/> (not called for a new one); the problem when it cannot.</summary>
    protected abstract Task<ApiProblem?> ReadAsync(Guid id, CancellationToken ct);

    /// <summary>The choices the form offers (categories, parents); a form still works without them.</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Sends the form; the answer after success (<see cref="Saved"/>), or null to show the form again.</summary>
    protected abstract Task<IActionResult?> SaveAsync(string idempotencyKey, CancellationToken ct);

    protected ApiProblem? Read<T>(ApiResult<T> result, Func<T, TInput> toInput)
    {
        if (!result.Succeeded)
            return result.Problem;
        Input = toInput(result.Value);
        return null;
    }

    /// <summary>Done → <paramref name="done"/>; gone → 404; refused → null, with the problem on the form.</summary>
    protected IActionResult? Saved<T>(ApiResult<T> result, Func<T, IActionResult> done)
    {
        if (result.Succeeded)
            return done(result.Value);
        if (result.Problem.IsNotFound)
            return NotFound();
        AddProblem(result.Problem, new FieldMap(nameof(Input)));
        return null;
    }
}
