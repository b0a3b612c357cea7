namespace Inventory.Web.Services.Procurement;

/// <summary>The purchase-order statuses as the API spells them, and the badge each shows in (its words: <see cref="Inventory.Web.Pages.Shared.Words.OrderStatus"/>).</summary>
public static class PurchaseOrderStatuses
{
    public const string Draft = "Draft";
    public const string Submitted = "Submitted";
    public const string PartiallyReceived = "PartiallyReceived";
    public const string Received = "Received";
    public const string Cancelled = "Cancelled";
    public const string Closed = "Closed";

    public static readonly IReadOnlyList<string> All = [Draft, Submitted, PartiallyReceived, Received, Cancelled, Closed];

    public static string BadgeClass(string status) => status switch
    {
        Draft => "text-bg-secondary",
        Submitted => "text-bg-primary",
        PartiallyReceived => "text-bg-warning",
        Received => "text-bg-success",
        Cancelled => "text-bg-dark",
        _ => "text-bg-light",
    };
}
