namespace Inventory.Web.Services.Procurement;

/// <summary>How many received lines the catalog rejected (their stock is not booked), and some of their orders.</summary>
public sealed record ReceiptAttention(int RejectedLines, IReadOnlyList<OrderAttention> Orders);
