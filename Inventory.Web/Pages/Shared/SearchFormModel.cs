namespace Inventory.Web.Pages.Shared;

/// <summary>What the <c>_SearchForm</c> partial shows: a list's search box and its "include archived" switch.</summary>
public sealed record SearchFormModel(string? Search, bool Archived, string Placeholder);
