namespace Inventory.Web.Pages.Shared;

/// <summary>
/// A top-navigation entry; the partial marks it active when it is the current page. <see cref="Class"/> adds classes to
/// its item (e.g. <c>d-xl-none</c>: only where the menu collapses, for an entry meant for phones).
/// </summary>
public sealed record NavLink(string Page, string Text, string? Class = null);
