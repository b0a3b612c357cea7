using Scalar.AspNetCore;

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

    /// <summary>The OpenAPI document and a browsable reference (Scalar), in Development only.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi().AllowAnonymous();
            app.MapScalarApiReference().AllowAnonymous();
        }
        return app;
    }
}
