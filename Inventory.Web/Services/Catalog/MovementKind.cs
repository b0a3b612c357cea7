namespace Inventory.Web.Services.Catalog;

/// <summary>The item page's four stock forms.</summary>
public enum MovementKind
{
    Receipt,
    Issue,
    Adjustment,
    Transfer,
}
