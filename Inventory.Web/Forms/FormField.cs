namespace Inventory.Web.Forms;

/// <summary>A property a form key names: whether the page shows an input for it, and its label (<c>[Display(Name)]</c>).</summary>
public sealed record FormField(bool Shown, string? Label);
