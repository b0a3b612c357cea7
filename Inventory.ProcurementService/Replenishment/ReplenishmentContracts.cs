namespace Inventory.ProcurementService.Replenishment;

public sealed record SuggestionGroup(Guid? SupplierId, string? SupplierName, IReadOnlyList<Suggestion> Suggestions);

public sealed record CreateDraftsRequest(IReadOnlyList<Guid>? ItemIds);

public sealed record SkippedItem(Guid ItemId, string Reason);

public sealed record CreatedDraft(Guid PurchaseOrderId, string Number, Guid SupplierId, int Lines);

public sealed record CreateDraftsResult(IReadOnlyList<CreatedDraft> Drafts, IReadOnlyList<SkippedItem> Skipped);
