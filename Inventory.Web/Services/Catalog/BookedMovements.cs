namespace Inventory.Web.Services.Catalog;

/// <summary>The catalog's answer to a stock form: the movements one operation booked (a transfer books two).</summary>
public sealed record BookedMovements(Guid OperationId, IReadOnlyList<StockMovement> Movements);
