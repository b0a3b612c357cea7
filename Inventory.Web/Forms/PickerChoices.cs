namespace Inventory.Web.Forms;

/// <summary>
/// The server-rendered options of a picker (<c>data-picker</c>): the first page of entries, plus any entry already chosen
/// beyond it (the picker found it by searching), so a refused form comes back with the choice still shown by name.
/// </summary>
public static class PickerChoices
{
    public static async Task<IReadOnlyList<T>> WithChosenAsync<T>(IReadOnlyList<T> firstPage, Func<T, Guid> id,
        IEnumerable<Guid?> chosen, Func<Guid, CancellationToken, Task<ApiResult<T>>> get, CancellationToken ct)
    {
        var listed = firstPage.Select(id).ToHashSet();
        var missing = chosen.OfType<Guid>().Distinct().Where(c => !listed.Contains(c)).ToList();
        if (missing.Count == 0)
            return firstPage;
        var found = await Task.WhenAll(missing.Select(c => get(c, ct)));
        return [.. firstPage, .. found.Where(r => r.Succeeded).Select(r => r.Value!)];
    }
}
