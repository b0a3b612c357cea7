using Microsoft.AspNetCore.Http.HttpResults;

namespace Inventory.CatalogService.Common;

/// <summary>ProblemDetails answers that name the offending field (its JSON name) under <c>errors</c>.</summary>
public static class Problems
{
    public static ProblemHttpResult Conflict(string field, string message, IDictionary<string, object?>? extensions = null) =>
        Field(StatusCodes.Status409Conflict, "The change conflicts with the current state.", field, message, extensions);

    public static ProblemHttpResult Unprocessable(string field, string message) =>
        Field(StatusCodes.Status422UnprocessableEntity, "The request cannot be applied.", field, message);

    public static ProblemHttpResult Invalid(string field, string message) =>
        Field(StatusCodes.Status400BadRequest, "One or more validation errors occurred.", field, message);

    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) => TypedResults.Problem(
        new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = "One or more validation errors occurred." });

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = StatusCodes.Status404NotFound, Title = $"No such {what}." });

    public static ProblemHttpResult StaleVersion(string what) =>
        Conflict("version", $"The {what} was changed by someone else; reload it and apply your change again.");

    private static ProblemHttpResult Field(int status, string title, string field, string message, IDictionary<string, object?>? extensions = null)
    {
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status,
            Title = title,
            Detail = message,
        };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
                problem.Extensions[key] = value;
        }
        return TypedResults.Problem(problem);
    }
}
