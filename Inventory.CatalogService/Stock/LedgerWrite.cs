using Inventory.ServiceDefaults.Security;

namespace Inventory.CatalogService.Stock;

/// <summary>One change at one location: a signed quantity and the movement type it is booked as.</summary>
public sealed record Leg(Guid LocationId, decimal Quantity, string Type);

/// <summary>Everything one ledger write needs: the item, its legs, and what the movements record.</summary>
public sealed record LedgerWrite(Guid ItemId, IReadOnlyList<Leg> Legs)
{
    public Guid OperationId { get; init; } = Guid.CreateVersion7();
    /// <summary>
    /// Who did it (the caller, or the person a service writes for: <see cref="CurrentUser.Person"/>) and the service it came
    /// through (<see cref="CurrentUser.Channel"/>); set by whoever runs the write. The time is the ledger's to take.
    /// </summary>
    public string UserId { get; init; } = "";
    public string? Channel { get; init; }
    /// <summary>When the person did it, if that was before this write (a receipt posted by procurement's outbox).</summary>
    public DateTimeOffset? ActedAt { get; init; }

    /// <summary>This write as done by <paramref name="caller"/>: the person as the user, the service (if any) as the channel.</summary>
    public LedgerWrite By(CurrentUser caller) => this with { UserId = caller.Person, Channel = caller.Channel };
    public string? ReasonCode { get; init; }
    public string? Reference { get; init; }
    public string? Note { get; init; }
    public string? IdempotencyKey { get; init; }
    public Guid? CountSessionId { get; init; }
    public Guid? ReceiptLineId { get; init; }

    /// <summary>Field names for problems: a transfer's legs are its from/to locations.</summary>
    public string ItemField { get; init; } = "itemId";
    public IReadOnlyList<string>? LocationFields { get; init; }

    public static LedgerWrite Receipt(StockChangeRequest request) =>
        Single(request.ItemId, request.LocationId, request.Quantity!.Value, MovementTypes.Receipt, request.Reference, request.Note);

    public static LedgerWrite Issue(StockChangeRequest request) =>
        Single(request.ItemId, request.LocationId, -request.Quantity!.Value, MovementTypes.Issue, request.Reference, request.Note);

    public static LedgerWrite Adjustment(AdjustmentRequest request) =>
        Single(request.ItemId, request.LocationId, request.Quantity!.Value, MovementTypes.Adjustment, request.Reference, request.Note)
            with { ReasonCode = request.ReasonCode!.Trim().ToLowerInvariant() };

    public static LedgerWrite Transfer(TransferRequest request) => new(request.ItemId!.Value,
        [
            new Leg(request.FromLocationId!.Value, -request.Quantity!.Value, MovementTypes.TransferOut),
            new Leg(request.ToLocationId!.Value, request.Quantity!.Value, MovementTypes.TransferIn),
        ])
    {
        Reference = TextFields.Clean(request.Reference), Note = TextFields.Clean(request.Note), LocationFields = ["fromLocationId", "toLocationId"],
    };

    /// <summary>A purchase-order line received in procurement: booked once per line.</summary>
    public static LedgerWrite PurchaseReceipt(ReceiptRequest request) =>
        Single(request.ItemId, request.LocationId, request.Quantity!.Value, MovementTypes.Receipt, request.Reference, null)
            with { ReceiptLineId = request.ReceiptLineId, ActedAt = request.ReceivedAt };

    private static LedgerWrite Single(Guid? itemId, Guid? locationId, decimal quantity, string type, string? reference, string? note) =>
        new(itemId!.Value, [new Leg(locationId!.Value, quantity, type)]) { Reference = TextFields.Clean(reference), Note = TextFields.Clean(note) };
}
