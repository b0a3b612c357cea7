using Inventory.CatalogService.Audit;
using Inventory.CatalogService.Data;

namespace Inventory.CatalogService.Apis;

public static class CatalogApis
{
    public static WebApplication MapCatalogApis(this WebApplication app)
    {
        app.MapItemsApi();
        app.MapCategoriesApi();
        app.MapLocationsApi();
        app.MapAuditApi<CatalogDbContext>(AuditEntityTypes.All);
        app.MapMovementsApi();
        app.MapReceiptPostingsApi();
        app.MapStockApi();
        app.MapDashboardApi();
        app.MapCountsApi();
        app.MapLookupApi();
        app.MapItemsCsvApi();
        app.MapMovementsCsvApi();
        app.MapTreesCsvApi();
        return app;
    }
}
