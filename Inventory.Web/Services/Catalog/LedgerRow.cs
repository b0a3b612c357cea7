namespace Inventory.Web.Services.Catalog;

/// <summary>A row of the ledger list (<c>LedgerRowDto</c>): a movement with its item's SKU, name and unit and its location's code and path.</summary>
public sealed record LedgerRow(Guid Id, long Seq, Guid ItemId, Guid LocationId, decimal Quantity, decimal BalanceAfter, string Type,
    string? ReasonCode, string? Reference, string? Note, string UserId, DateTimeOffset OccurredAt, string? Channel, DateTimeOffset? ActedAt,
    string Sku, string ItemName, string Unit, string LocationCode, string LocationPath)
{
    /// <summary>The count whose variance this is, if any: the row names and links it instead of its stored reference.</summary>
    public Guid? CountSessionId { get; init; }
}
