using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.ProcurementService.Apis;

/// <summary>The ProblemDetails answers the procurement API gives for conflicts and unavailable peers.</summary>
public static class Problems
{
    public static ProblemHttpResult Conflict(string title, string? field = null, string? message = null) =>
        TypedResults.Problem(field is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = StatusCodes.Status409Conflict, Title = title }
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message ?? title] })
            {
                Status = StatusCodes.Status409Conflict,
                Title = title,
            });

    public static ProblemHttpResult Stale(string what) =>
        Conflict($"The {what} was changed by someone else since you read it. Reload it and apply your change again.", "version");

    public static ProblemHttpResult CatalogUnavailable() => TypedResults.Problem(
        title: "The catalog service is unavailable; try again shortly.", statusCode: StatusCodes.Status503ServiceUnavailable);
}
