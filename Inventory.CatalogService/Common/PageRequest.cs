using System.Globalization;
using Inventory.ServiceDefaults;

namespace Inventory.CatalogService.Common;

/// <summary>
/// <see cref="Paging.TryResolve"/> for a page size still in its query-string form, so "pageSize=ten" is a 400 that
/// names <c>pageSize</c> rather than the binder's anonymous failure.
/// </summary>
public static class PageRequest
{
    public static bool Resolve(string? pageSize, string? after, out int size, out string? afterKey, out Dictionary<string, string[]> errors)
    {
        int? requested = null;
        var wellFormed = true;
        if (!string.IsNullOrWhiteSpace(pageSize))
        {
            if (int.TryParse(pageSize, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                requested = parsed;
            else
                wellFormed = false;
        }
        var ok = Paging.TryResolve(requested, after, out size, out afterKey, out errors);
        if (!wellFormed)
            errors["pageSize"] = [$"Page size must be a whole number between 1 and {Paging.MaxPageSize}."];
        return ok && wellFormed;
    }
}
