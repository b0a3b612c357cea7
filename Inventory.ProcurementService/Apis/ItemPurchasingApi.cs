using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.Purchasing;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.ProcurementService.Apis;

/// <summary>Purchasing as seen from one catalog item (the item page): its suppliers, what is on order, the open orders.</summary>
public static class ItemPurchasingApi
{
    public static IEndpointRouteBuilder MapItemPurchasingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("api/items/{itemId:guid}/purchasing", Get).RequireAuthorization(Policies.Read).WithTags("Supplier items")
            .WithName("GetItemPurchasing")
            .WithSummary("An item's suppliers and terms, its quantity on order (submitted and partly received orders) and those orders");
        return app;
    }

    /// <summary>An item procurement knows nothing of answers with empty lists, not 404: the catalog owns items.</summary>
    public static async Task<Ok<ItemPurchasingDto>> Get(Guid itemId, ProcurementDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ItemPurchasingQuery.LoadAsync(db, itemId, ct));
}
