namespace Inventory.Web.Services.Catalog;

public sealed record DashboardFigures(int ItemCount, decimal StockValue, int LowStockCount, int MovementsToday,
    IReadOnlyList<CategoryValue> StockValueByCategory, IReadOnlyList<DailyMovements> MovementsPerDay,
    IReadOnlyList<TopMover> TopMovers, IReadOnlyList<DailyValue> ValueTrend);
