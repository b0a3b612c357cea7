using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Inventory.ServiceDefaults.Kit;

namespace Inventory.ServiceDefaults;

/// <summary>
/// Every error an API returns is a ProblemDetails document. Malformed bodies become 400 with the
/// offending field named, and so does a parameter the framework could not bind (a typed query, route or header
/// value); anything unexpected becomes a 500 whose body says nothing about the cause (the exception goes to the
/// log, with the trace id that the body carries).
/// </summary>
public static class ApiProblemDetails
{
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        // Whatever answers 503 (the database down, a service this one calls down) says when to try again.
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status503ServiceUnavailable && !context.HttpContext.Response.Headers.ContainsKey(HeaderNames.RetryAfter))
                context.HttpContext.Response.Headers.RetryAfter = DatabaseProblems.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Without this, minimal APIs answer a body that fails to bind with an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseApiProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}

internal sealed partial class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => FieldProblem(json.Path, "The value is not valid for this field."),
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad when IsMissingBody(bad) => FieldProblem(null, "A JSON request body is required."),
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad when UnboundParameter(bad) is { } parameter =>
                FieldProblem(parameter.Name, parameter.Missing ? "A value is required." : "The value is not valid for this parameter."),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "The request is not valid." },
            _ => DatabaseProblems.From(exception),
        };

        if (problem is { Status: >= StatusCodes.Status500InternalServerError })
            logger.LogWarning(exception, "Database unavailable or slow for {Method} {Path}", context.Request.Method, context.Request.Path);
        else if (problem is null)
        {
            if (context.RequestAborted.IsCancellationRequested)
                return true; // the client went away; nobody reads an answer
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." };
        }

        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails FieldProblem(string? jsonPath, string message)
    {
        var field = string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$', '.');
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        };
    }

    // The binder names the parameter only in its message ("Failed to bind parameter \"bool includeArchived\" from \"abc\".",
    // "Required parameter \"Guid id\" was not provided from route."); without this the client gets a 400 naming nothing.
    [GeneratedRegex("""^(?<kind>Failed to bind|Required) parameter "(?:[^"]* )?(?<name>[^" ]+)"(?: from| was not provided)""")]
    private static partial Regex BindingMessage();

    private static (string Name, bool Missing)? UnboundParameter(BadHttpRequestException exception) =>
        BindingMessage().Match(exception.Message) is { Success: true } match
            ? (match.Groups["name"].Value, match.Groups["kind"].Value == "Required")
            : null;

    // The framework's own text for this case talks about handler parameters, which means nothing to a client.
    private static bool IsMissingBody(BadHttpRequestException exception) =>
        exception.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase);
}
