using Inventory.ProcurementService.Audit;

namespace Inventory.ProcurementService.Suppliers;

/// <summary>What a supplier sells us of one catalog item, and on what terms.</summary>
public sealed class SupplierItem : IVersioned, IAuditedEntity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SupplierId { get; init; }
    public Supplier? Supplier { get; init; }

    /// <summary>The catalog's item id; SKU and name are copied from the catalog when the link is made.</summary>
    public Guid ItemId { get; init; }
    public required string ItemSku { get; set; }
    public required string ItemName { get; set; }

    public string? SupplierSku { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal MinimumOrderQuantity { get; set; }
    public int? LeadTimeDays { get; set; }

    /// <summary>At most one supplier item per catalog item is preferred (a partial unique index).</summary>
    public bool IsPreferred { get; set; }

    /// <summary>Optimistic concurrency (<see cref="Versioning"/>): an update based on a stale read gets 409.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The fields the audit trail compares (JSON names).</summary>
    public IReadOnlyDictionary<string, object?> AuditFields() => new Dictionary<string, object?>
    {
        ["supplierId"] = SupplierId,
        ["itemId"] = ItemId,
        ["itemSku"] = ItemSku,
        ["itemName"] = ItemName,
        ["supplierSku"] = SupplierSku,
        ["unitPrice"] = UnitPrice,
        ["minimumOrderQuantity"] = MinimumOrderQuantity,
        ["leadTimeDays"] = LeadTimeDays,
        ["isPreferred"] = IsPreferred,
    };
}
