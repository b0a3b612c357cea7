namespace Inventory.Web.Services.Procurement;

/// <summary>The status changes a manager makes on a purchase order (each its own endpoint).</summary>
public enum OrderAction
{
    Submit,
    Cancel,
    Close,
}
