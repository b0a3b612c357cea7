using Inventory.ProcurementService.Audit;

namespace Inventory.ProcurementService.PurchaseOrders;

public sealed class PurchaseOrder : IVersioned, IAuditedEntity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>From a database sequence, so numbers never repeat across replicas; also the list order.</summary>
    public long Sequence { get; private set; }

    /// <summary>PO-000001 …, computed by the database from <see cref="Sequence"/>.</summary>
    public string Number { get; private set; } = "";

    public Guid SupplierId { get; set; }
    public PurchaseOrderStatus Status { get; set; } = PurchaseOrderStatus.Draft;
    public DateOnly? ExpectedDate { get; set; }
    public string? Notes { get; set; }
    public required string Currency { get; set; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<PurchaseOrderLine> Lines { get; init; } = [];
    public List<PurchaseOrderStatusChange> StatusChanges { get; init; } = [];

    /// <summary>
    /// Optimistic concurrency (<see cref="Versioning"/>): the second of two saves of one draft gets 409. Every change
    /// of the order's row advances it, a receipt's change of status too.
    /// </summary>
    public int Version { get; set; } = 1;

    public decimal Total => Lines.Sum(l => l.LineTotal);

    /// <summary>
    /// The fields the audit trail compares (JSON names). The lines are one text ("BOLT-1 × 100 @ 0.25; …"), so an
    /// edit of any line shows as one change of <c>lines</c> that reads the way the order does.
    /// </summary>
    public IReadOnlyDictionary<string, object?> AuditFields() => new Dictionary<string, object?>
    {
        ["number"] = Number,
        ["supplierId"] = SupplierId,
        ["status"] = Status.ToString(),
        ["expectedDate"] = ExpectedDate,
        ["notes"] = Notes,
        ["currency"] = Currency,
        ["lines"] = string.Join("; ", Lines.OrderBy(l => l.LineNumber)
            .Select(l => FormattableString.Invariant($"{l.ItemSku} × {l.QuantityOrdered:0.####} @ {l.UnitPrice:0.####}"))),
    };
}

public sealed class PurchaseOrderLine
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PurchaseOrderId { get; init; }
    public int LineNumber { get; set; }
    public Guid ItemId { get; set; }
    public required string ItemSku { get; set; }

    /// <summary>The item's name when the line was written: the order keeps saying what was ordered.</summary>
    public required string Description { get; set; }

    public decimal QuantityOrdered { get; set; }
    public decimal UnitPrice { get; set; }

    /// <summary>Changed only by receipts, with a guarded atomic update.</summary>
    public decimal QuantityReceived { get; set; }

    public decimal LineTotal => QuantityOrdered * UnitPrice;
}

/// <summary>Every status change: from, to, who, when.</summary>
public sealed class PurchaseOrderStatusChange
{
    public long Id { get; init; }
    public Guid PurchaseOrderId { get; init; }
    public PurchaseOrderStatus? From { get; init; }
    public PurchaseOrderStatus To { get; init; }
    public required string ChangedBy { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
}
