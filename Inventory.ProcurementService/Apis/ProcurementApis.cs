using Inventory.ProcurementService.Audit;
using Inventory.ProcurementService.Data;

namespace Inventory.ProcurementService.Apis;

public static class ProcurementApis
{
    public static WebApplication MapProcurementApis(this WebApplication app)
    {
        app.MapSuppliersApi();
        app.MapSupplierItemsApi();
        app.MapItemPurchasingApi();
        app.MapPurchaseOrdersApi();
        app.MapReceiptsApi();
        app.MapReceiptLinesApi();
        app.MapReplenishmentApi();
        app.MapDashboardApi();
        app.MapAuditApi<ProcurementDbContext>(AuditEntityTypes.All);
        return app;
    }
}
