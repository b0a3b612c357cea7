namespace Inventory.ProcurementService.Catalog;

/// <summary>What became of one post of a receipt line to the catalog.</summary>
public enum ReceiptPostStatus
{
    /// <summary>The catalog booked the line (now or on an earlier post).</summary>
    Posted,

    /// <summary>The catalog answered with a transient error (5xx, 429, 401/403 while keys roll …): try again later.</summary>
    Failed,

    /// <summary>The catalog refused the line for good: posting it again unchanged can only be refused again.</summary>
    Refused,
}

/// <param name="Error">For <see cref="ReceiptPostStatus.Failed"/>, the answer; for <see cref="ReceiptPostStatus.Refused"/>, the reason in words.</param>
public sealed record ReceiptPostResult(ReceiptPostStatus Status, string? Error);
