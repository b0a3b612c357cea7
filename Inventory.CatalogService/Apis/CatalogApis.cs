namespace Inventory.CatalogService.Apis;

public static class CatalogApis
{
    public static WebApplication MapCatalogApis(this WebApplication app)
    {
        app.MapItemsApi();
        app.MapCategoriesApi();
        app.MapLocationsApi();
        app.MapAuditApi();
        app.MapMovementsApi();
        app.MapReceiptsApi();
        app.MapStockApi();
        app.MapDashboardApi();
        app.MapCountsApi();
        app.MapItemsCsvApi();
        return app;
    }

}
