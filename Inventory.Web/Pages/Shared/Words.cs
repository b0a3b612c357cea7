using Inventory.Web.Services.Procurement;

namespace Inventory.Web.Pages.Shared;

/// <summary>
/// The codes the services speak (<c>transfer_in</c>, <c>open</c>, <c>PartiallyReceived</c>, <c>damaged</c>) in the words a
/// person reads on a page. One place, so every page says the same thing; an unknown code is shown as it is, never hidden.
/// </summary>
public static class Words
{
    /// <summary>A movement type: "Transfer in", not <c>transfer_in</c>.</summary>
    public static string MovementType(string type) => type switch
    {
        "receipt" => "Receipt",
        "issue" => "Issue",
        "adjustment" => "Adjustment",
        "transfer_out" => "Transfer out",
        "transfer_in" => "Transfer in",
        "count" => "Count",
        _ => type,
    };

    /// <summary>A movement's reason code (adjustments and counts): "Damaged", "Count variance".</summary>
    public static string Reason(string? code) => code switch
    {
        null or "" => "",
        "count" => "Count variance",
        "correction" => "Correction",
        _ => Sentence(code),
    };

    /// <summary>A cycle count's status: "Open", "Posted", "Cancelled".</summary>
    public static string CountStatus(string status) => Sentence(status);

    /// <summary>A purchase order's status: "Partially received", not <c>PartiallyReceived</c>.</summary>
    public static string OrderStatus(string? status) => status switch
    {
        null => "—",
        PurchaseOrderStatuses.PartiallyReceived => "Partially received",
        _ => status,
    };

    /// <summary>How far a received line's posting to stock has got: "Waiting to post", "Posted", "Retrying", "Rejected".</summary>
    public static string PostingState(string state) => state switch
    {
        "Pending" => "Waiting to post",
        "Failing" => "Retrying",
        _ => state,
    };

    /// <summary><c>snake_case</c> or lower case as a sentence: "transfer_in" → "Transfer in".</summary>
    private static string Sentence(string code)
    {
        var words = code.Replace('_', ' ').Trim();
        return words.Length == 0 ? code : char.ToUpperInvariant(words[0]) + words[1..].ToLowerInvariant();
    }
}
