namespace Inventory.Web.Pages.Shared;

/// <summary>A top-navigation entry; the partial marks it active when it is the current page.</summary>
public sealed record NavLink(string Page, string Text);
