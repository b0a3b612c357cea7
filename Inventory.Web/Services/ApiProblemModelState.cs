using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Inventory.Web.Services;

/// <summary>Puts an API's ProblemDetails into a page's ModelState, so each error shows next to the field it is about.</summary>
public static partial class ApiProblemModelState
{
    /// <summary>
    /// Adds each field error under the form key <paramref name="fieldFor"/> gives for the API's JSON path, or to the
    /// form-wide errors when it gives null (a field the form does not show must not swallow its message).
    /// The problem's title is added to the form-wide errors too unless it is only a validation headline.
    /// </summary>
    public static void AddApiProblem(this ModelStateDictionary modelState, ApiProblem problem, Func<string, string?> fieldFor)
    {
        var formWide = false;
        foreach (var (path, messages) in problem.Errors)
        {
            var key = fieldFor(path) ?? "";
            formWide |= key.Length == 0;
            foreach (var message in messages.DefaultIfEmpty(problem.Title))
                modelState.AddModelError(key, message);
        }
        if (!formWide && (problem.Errors.Count == 0 || problem.Status != StatusCodes.Status400BadRequest))
            modelState.AddModelError("", problem.Title);
    }

    /// <summary>Form key of a top-level JSON field among <paramref name="fields"/>: <c>leadTimeDays</c> → <c>Input.LeadTimeDays</c>.</summary>
    public static string? Field(string path, string prefix, params string[] fields) =>
        fields.Contains(path, StringComparer.Ordinal) ? $"{prefix}.{char.ToUpperInvariant(path[0])}{path[1..]}" : null;

    /// <summary>Splits <c>lines[2].quantity</c> into (2, "quantity").</summary>
    public static bool TryParseLine(string path, out int index, out string field)
    {
        var match = LinePath().Match(path);
        index = match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
        field = match.Success ? match.Groups[2].Value : "";
        return match.Success;
    }

    [GeneratedRegex(@"^lines\[(\d+)\]\.(\w+)$")]
    private static partial Regex LinePath();
}
