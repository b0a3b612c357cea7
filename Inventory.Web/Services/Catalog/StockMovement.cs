namespace Inventory.Web.Services.Catalog;

/// <summary>
/// A row of the stock ledger. <c>UserId</c> is the person who did it; <c>Channel</c> the service that booked it for them
/// (<c>service:procurement</c>), null when they booked it here; <c>ActedAt</c> when they did it, if the booking came later.
/// </summary>
public sealed record StockMovement(Guid Id, long Seq, Guid ItemId, Guid LocationId, decimal Quantity, decimal BalanceAfter, string Type,
    string? ReasonCode, string? Reference, string? Note, string UserId, DateTimeOffset OccurredAt, string? Channel = null,
    DateTimeOffset? ActedAt = null)
{
    /// <summary>The count whose variance this is, if any: the row names and links it instead of its stored reference.</summary>
    public Guid? CountSessionId { get; init; }
}
