namespace Inventory.Web.Services.Catalog;

/// <summary>A row of the stock ledger.</summary>
public sealed record StockMovement(Guid Id, long Seq, Guid ItemId, Guid LocationId, decimal Quantity, decimal BalanceAfter, string Type,
    string? ReasonCode, string? Reference, string? Note, string UserId, DateTimeOffset OccurredAt);
