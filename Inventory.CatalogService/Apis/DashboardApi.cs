using Inventory.CatalogService.Data;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.CatalogService.Apis;

public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/dashboard", GetDashboard).WithTags("Dashboard").WithName("GetDashboard")
            .WithSummary("Headline figures: items, stock value, low stock, movements today, value by category, movements per day")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Ok<DashboardDto>> GetDashboard(CatalogDbContext db, ClosedDayMovers closedDays, TimeProvider clock,
        CancellationToken ct) =>
        TypedResults.Ok(await DashboardQuery.RunAsync(db, closedDays, clock.GetUtcNow(), ct));
}
