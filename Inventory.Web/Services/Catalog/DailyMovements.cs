namespace Inventory.Web.Services.Catalog;

public sealed record DailyMovements(DateOnly Date, int Count);
