namespace Inventory.Web.Forms;

/// <summary>
/// The server-rendered options of a picker (<c>data-picker</c>): only the entries already chosen, looked up by id, so a
/// refused form comes back with its choice shown by name. The picker (<c>wwwroot/js/pickers.js</c>) loads the others
/// from <c>/pickers/{kind}</c> when focused or typed into (issue 14: no page renders hundreds of options it never shows).
/// </summary>
public static class PickerChoices
{
    public static async Task<IReadOnlyList<T>> ChosenAsync<T>(IEnumerable<Guid?> chosen,
        Func<Guid, CancellationToken, Task<ApiResult<T>>> get, CancellationToken ct)
    {
        var ids = chosen.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
            return [];
        var found = await Task.WhenAll(ids.Select(c => get(c, ct)));
        return [.. found.Where(r => r.Succeeded).Select(r => r.Value!)];
    }
}
