using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inventory.Web.Services;

// The web's view of the procurement service's JSON (Inventory.ProcurementService contracts); fields it does not use are left out.

public sealed record SupplierDetail(Guid Id, string Name, string? ContactName, string? Email, string? Phone, string? Address,
    string? Website, string? PaymentTerms, int LeadTimeDays, string Currency, string? Notes, bool IsArchived,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, uint Version);

/// <summary>Body of create (no version) and update (the version read) of a supplier.</summary>
public sealed record SupplierWrite(string? Name, string? ContactName, string? Email, string? Phone, string? Address, string? Website,
    string? PaymentTerms, int? LeadTimeDays, string? Currency, string? Notes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] uint? Version = null);

public sealed record SupplierItem(Guid Id, Guid SupplierId, Guid ItemId, string ItemSku, string ItemName, string? SupplierSku,
    decimal UnitPrice, decimal MinimumOrderQuantity, int? LeadTimeDays, bool IsPreferred, uint Version);

public sealed record SupplierItemWrite(Guid? ItemId, string? SupplierSku, decimal? UnitPrice, decimal? MinimumOrderQuantity,
    int? LeadTimeDays, bool IsPreferred, uint? Version);

public sealed record AuditEntry(long Id, string EntityType, Guid EntityId, string Action, string ChangedBy, DateTimeOffset ChangedAt,
    JsonElement? Before, JsonElement? After);

public sealed record PurchaseOrderSummary(Guid Id, string Number, Guid SupplierId, string SupplierName, string Status,
    DateOnly? ExpectedDate, string Currency, decimal Total, DateTimeOffset CreatedAt);

public sealed record PurchaseOrderLine(Guid Id, int LineNumber, Guid ItemId, string ItemSku, string Description,
    decimal QuantityOrdered, decimal UnitPrice, decimal QuantityReceived, decimal LineTotal)
{
    public decimal QuantityOpen => Math.Max(0, QuantityOrdered - QuantityReceived);
}

public sealed record StatusChange(string? From, string To, string ChangedBy, DateTimeOffset ChangedAt);

public sealed record PurchaseOrder(Guid Id, string Number, Guid SupplierId, string SupplierName, string Status,
    DateOnly? ExpectedDate, string? Notes, string Currency, decimal Total, string CreatedBy, DateTimeOffset CreatedAt,
    string? SubmittedBy, DateTimeOffset? SubmittedAt, uint Version, IReadOnlyList<PurchaseOrderLine> Lines,
    IReadOnlyList<StatusChange> StatusHistory)
{
    // The life cycle as the procurement service enforces it (PurchaseOrderRules); the page offers only what it would accept.
    public bool CanEdit => Status == PurchaseOrderStatuses.Draft;
    public bool CanSubmit => Status == PurchaseOrderStatuses.Draft && Lines.Count > 0;
    public bool CanCancel => Status is PurchaseOrderStatuses.Draft or PurchaseOrderStatuses.Submitted && Lines.All(l => l.QuantityReceived == 0);
    public bool CanClose => Status == PurchaseOrderStatuses.PartiallyReceived;
    public bool CanReceive => Status is PurchaseOrderStatuses.Submitted or PurchaseOrderStatuses.PartiallyReceived;
}

public sealed record PurchaseOrderLineWrite(Guid? ItemId, decimal? Quantity, decimal? UnitPrice);

public sealed record PurchaseOrderWrite(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? SupplierId,
    DateOnly? ExpectedDate, string? Notes, IReadOnlyList<PurchaseOrderLineWrite> Lines,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] uint? Version);

public sealed record ReceiptLine(Guid Id, Guid PurchaseOrderLineId, Guid ItemId, decimal Quantity, string PostingState,
    int Attempts, string? LastError, DateTimeOffset? PostedAt);

public sealed record Receipt(Guid Id, Guid PurchaseOrderId, string Reference, Guid LocationId, string ReceivedBy,
    DateTimeOffset ReceivedAt, IReadOnlyList<ReceiptLine> Lines);

public sealed record ReceiveLineWrite(Guid LineId, decimal Quantity);

public sealed record ReceiveWrite(Guid? LocationId, IReadOnlyList<ReceiveLineWrite> Lines);

public sealed record SupplierTerms(Guid SupplierId, string SupplierName, decimal UnitPrice, decimal MinimumOrderQuantity, bool IsPreferred);

public sealed record Suggestion(Guid ItemId, string Sku, string Name, string Unit, decimal OnHand, decimal OnOrder,
    decimal ReorderPoint, decimal ReorderQuantity, decimal SuggestedQuantity, SupplierTerms? Supplier);

public sealed record SuggestionGroup(Guid? SupplierId, string? SupplierName, IReadOnlyList<Suggestion> Suggestions);

public sealed record CreatedDraft(Guid PurchaseOrderId, string Number, Guid SupplierId, int Lines);

public sealed record SkippedItem(Guid ItemId, string Reason);

public sealed record CreateDraftsResult(IReadOnlyList<CreatedDraft> Drafts, IReadOnlyList<SkippedItem> Skipped);

/// <summary>The purchase-order statuses as the API spells them, and how the pages show them.</summary>
public static class PurchaseOrderStatuses
{
    public const string Draft = "Draft";
    public const string Submitted = "Submitted";
    public const string PartiallyReceived = "PartiallyReceived";
    public const string Received = "Received";
    public const string Cancelled = "Cancelled";
    public const string Closed = "Closed";

    public static readonly IReadOnlyList<string> All = [Draft, Submitted, PartiallyReceived, Received, Cancelled, Closed];

    public static string Display(string? status) => status switch
    {
        null => "—",
        PartiallyReceived => "Partially received",
        _ => status,
    };

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
