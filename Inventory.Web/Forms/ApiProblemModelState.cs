namespace Inventory.Web.Forms;

/// <summary>Puts an API's ProblemDetails into a page's ModelState, so each error shows next to the field it is about.</summary>
public static class ApiProblemModelState
{
    /// <summary>
    /// Adds each field error under the form key <paramref name="fields"/> gives for its JSON path when that key is a
    /// field <paramref name="page"/> shows (<see cref="FormFields"/>). Any other error — about a hidden input, a header
    /// such as <c>Idempotency-Key</c>, a row the form did not send, or every error when there is no map — goes to the
    /// form-wide errors, named by its field's label where it has one, so no message is lost.
    /// The problem's title is added to the form-wide errors too unless it is only a validation headline.
    /// </summary>
    public static void AddApiProblem(this ModelStateDictionary modelState, ApiProblem problem, FieldMap? fields, Type page)
    {
        var formWide = false;
        foreach (var (path, messages) in problem.Errors)
        {
            var key = fields?.KeyOf(path);
            var field = key is null ? null : FormFields.Find(page, key);
            var shown = field is { Shown: true };
            formWide |= !shown;
            foreach (var message in messages.DefaultIfEmpty(problem.Title))
                modelState.AddModelError(shown ? key! : "", field?.Label is { } label && !shown ? $"{label}: {message}" : message);
        }
        if (!formWide && (problem.Errors.Count == 0 || problem.Status != StatusCodes.Status400BadRequest))
            modelState.AddModelError("", problem.Title);
    }
}
