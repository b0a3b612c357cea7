using Inventory.Web.Labels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Inventory.Web.Pages.Labels;

/// <summary>
/// What both label pages share: the <c>ids</c> to label (comma-separated, or the parameter repeated), the
/// <c>layout</c> (sheet or roll), a 400 naming the parameter when either is wrong, and the labels split into pages.
/// Every role may print labels.
/// </summary>
public abstract class LabelsPage : PageModel
{
    // Four sheets: each label is one call to the catalog, and a page has five seconds for all of its calls (PageBudget).
    public const int MaxLabels = 96;

    [BindProperty(SupportsGet = true, Name = "ids")] public string[] Ids { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "layout")] public string? LayoutKey { get; set; }

    public LabelLayout Layout { get; private set; } = LabelLayout.Sheet;
    public IReadOnlyList<Label> Labels { get; private set; } = [];

    /// <summary>What the request got wrong (the parameter, the message), shown with status 400.</summary>
    public (string Field, string Message)? Refusal { get; private set; }

    /// <summary>Why some labels are missing (a service down, ids that name nothing).</summary>
    public List<string> Notices { get; } = [];

    public abstract string Heading { get; }

    /// <summary>The labels for <paramref name="ids"/>, in the order given.</summary>
    protected abstract Task<IReadOnlyList<Label>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken ct);

    /// <summary>Ids the request names besides <see cref="Ids"/> (a location's bins).</summary>
    protected virtual Task<IReadOnlyList<Guid>> MoreIdsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Guid>>([]);

    public IEnumerable<IReadOnlyList<Label>> Pages => Labels.Chunk(Layout.PerPage);

    /// <summary>The same labels in another layout.</summary>
    public string LayoutUrl(LabelLayout layout) => QueryHelpers.AddQueryString(Request.Path,
        Request.Query.Where(q => q.Key != "layout").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("layout", (string?)layout.Key)));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (LabelLayout.Find(LayoutKey) is not { } layout)
            return Refuse("layout", $"Layout must be one of: {string.Join(", ", LabelLayout.All.Select(l => l.Key))}.");
        Layout = layout;
        var ids = new List<Guid>();
        foreach (var part in Ids.SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Guid.TryParse(part, out var id))
                return Refuse("ids", $"'{part}' is not an id.");
            ids.Add(id);
        }
        ids.AddRange(await MoreIdsAsync(ct));
        if (Refusal is not null)
            return RefusedPage();
        ids = ids.Distinct().ToList();
        if (ids.Count == 0)
            return Refuse("ids", "Give the ids of what to label.");
        if (ids.Count > MaxLabels)
            return Refuse("ids", $"At most {MaxLabels} labels at a time.");
        Labels = await LoadAsync(ids, ct);
        return Page();
    }

    protected IActionResult Refuse(string field, string message)
    {
        Refusal = (field, message);
        return RefusedPage();
    }

    private PageResult RefusedPage()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    /// <summary>Adds a notice for the results that failed and returns the values of the rest.</summary>
    protected IReadOnlyList<T> Succeeded<T>(IEnumerable<ApiResult<T>> results, string what)
    {
        var list = results.ToList();
        var missing = list.Count(r => r.Problem?.IsNotFound == true);
        if (missing > 0)
            Notices.Add($"{missing} {what} not found: no label for {(missing == 1 ? "it" : "them")}.");
        if (list.FirstOrDefault(r => r.Problem is { IsNotFound: false })?.Problem is { } problem)
            Notices.Add(problem.Title);
        return list.Where(r => r.Succeeded).Select(r => r.Value!).ToList();
    }
}
