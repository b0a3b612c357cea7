namespace Inventory.Web.Pages.Items;

/// <summary>What a bulk archive says: the items archived, then each one the catalog refused and why, in words.</summary>
public static class BulkArchiveReport
{
    public static string Of(IReadOnlyList<(string Sku, ApiProblem? Problem)> results)
    {
        var archived = results.Where(r => r.Problem is null).Select(r => r.Sku).ToList();
        var refused = results.Where(r => r.Problem is not null).Select(r => $"{r.Sku}: {Reason(r.Problem!)}").ToList();
        var done = archived.Count == 0 ? "Nothing archived." : $"Archived {Count(archived.Count)}: {string.Join(", ", archived)}.";
        return refused.Count == 0 ? done : $"{done} Not archived — {string.Join("; ", refused)}";
    }

    private static string Reason(ApiProblem problem) =>
        problem.IsStale ? "changed since the list was shown; reload the list and try again."
        : problem.IsNotFound ? "no longer exists."
        : problem.Errors.Values.SelectMany(e => e).FirstOrDefault() ?? problem.Title;

    private static string Count(int n) => n == 1 ? "1 item" : $"{n} items";
}
