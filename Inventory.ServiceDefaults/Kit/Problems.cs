using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>
/// The ProblemDetails answers an API gives. Each names the offending field (its JSON name, or the header or
/// query parameter) under <c>errors</c>, so a form can show the message next to that field.
/// </summary>
public static class Problems
{
    public const string InvalidTitle = "One or more validation errors occurred.";
    public const string ConflictTitle = "The change conflicts with the current state.";
    public const string UnprocessableTitle = "The request cannot be applied.";

    public static ProblemHttpResult Invalid(string field, string message) =>
        Field(StatusCodes.Status400BadRequest, InvalidTitle, field, message);

    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) => TypedResults.Problem(
        new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = InvalidTitle });

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = $"No such {what}." });

    public static ProblemHttpResult Conflict(string field, string message, IDictionary<string, object?>? extensions = null) =>
        Field(StatusCodes.Status409Conflict, ConflictTitle, field, message, extensions);

    public static ProblemHttpResult Unprocessable(string field, string message) =>
        Field(StatusCodes.Status422UnprocessableEntity, UnprocessableTitle, field, message);

    /// <summary>Optimistic concurrency lost: someone saved the entity after the caller read it.</summary>
    public static ProblemHttpResult StaleVersion(string what) =>
        Conflict("version", $"The {what} was changed by someone else; reload it and apply your change again.");

    /// <summary>A service this one depends on did not answer; the caller may retry.</summary>
    public static ProblemHttpResult Unavailable(string what) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = $"The {what} is unavailable; try again shortly.",
    });

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
