using System.Security.Claims;
using Inventory.ProcurementService.Catalog;
using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.Replenishment;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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

    public static Task<Results<Created<CreateDraftsResult>, Ok<CreateDraftsResult>, ValidationProblem, ProblemHttpResult>> CreateDrafts(
        CreateDraftsRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, ReplenishmentService replenishment, HttpContext http, ClaimsPrincipal user, CancellationToken ct) =>
        ValidatedWrite.RunAsync(ReplenishmentRules.Validate(request), db, http, idempotencyKey, request, _ => "/api/purchase-orders",
                t => replenishment.CreateDraftsAsync(request.ItemIds!.Distinct().ToList(), CurrentUser.From(user).Id, t), ct, created: false);
}
