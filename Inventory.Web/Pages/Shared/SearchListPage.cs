namespace Inventory.Web.Pages.Shared;

/// <summary>A list with a search box and an "include archived" switch (<c>_SearchForm</c>).</summary>
public abstract class SearchListPage<T> : ListPage<T>
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>Archived rows are hidden unless asked for.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Archived { get; set; }

    public override IReadOnlyDictionary<string, string?> Filters =>
        new Dictionary<string, string?> { ["search"] = Search, ["archived"] = Archived ? "true" : null };

    public SearchFormModel SearchForm(string placeholder) => new(Search, Archived, placeholder);
}
