using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.Receiving;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.ProcurementService.Apis;

public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/dashboard", GetDashboard).WithTags("Dashboard").WithName("GetProcurementDashboard")
            .WithSummary("Open purchase orders by status; receipt lines waiting to post or rejected, with the orders waiting")
            .RequireAuthorization(Policies.Read);
        return app;
    }

    public static async Task<Ok<ProcurementDashboardDto>> GetDashboard(ProcurementDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ProcurementDashboard.ReadAsync(db, ct));
}
