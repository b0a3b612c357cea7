using Inventory.ProcurementService.Catalog;
using Inventory.ProcurementService.Replenishment;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.ProcurementService.Apis;

public static class ReplenishmentApi
{
    public static IEndpointRouteBuilder MapReplenishmentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/replenishment").WithTags("Replenishment");
        api.MapGet("/", GetSuggestions).RequireAuthorization(Policies.Read)
            .WithName("GetReplenishmentSuggestions").WithSummary("Items to reorder (on hand + on order ≤ reorder point), grouped by supplier");
        api.MapPost("/drafts", CreateDrafts).RequireAuthorization(Policies.Manage)
            .WithName("CreateReplenishmentDrafts").WithSummary("Creates a draft purchase order per supplier from chosen suggestions");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<SuggestionGroup>>, ProblemHttpResult>> GetSuggestions(
        ReplenishmentService replenishment, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(ReplenishmentService.Group(await replenishment.SuggestAsync(ct)));
        }
        catch (CatalogUnavailableException)
        {
            return Problems.Unavailable("catalog service");
        }
    }

    public static async Task<Results<Ok<CreateDraftsResult>, ValidationProblem, ProblemHttpResult>> CreateDrafts(
        CreateDraftsRequest request, ReplenishmentService replenishment, HttpContext http, CancellationToken ct)
    {
        if (request.ItemIds is not { Count: > 0 } || request.ItemIds.Count > 1000)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["itemIds"] = ["Choose between 1 and 1000 items."] });
        try
        {
            return TypedResults.Ok(await replenishment.CreateDraftsAsync(request.ItemIds.Distinct().ToList(), CurrentUser.From(http).Id, ct));
        }
        catch (CatalogUnavailableException)
        {
            return Problems.Unavailable("catalog service");
        }
    }
}
