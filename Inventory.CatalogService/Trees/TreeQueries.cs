using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Trees;

/// <summary>The reads of both trees: one node, and the list in path order, a keyset page at a time.</summary>
public static class TreeQueries
{
    public const string Ordering = "path";

    public static async Task<Results<Ok<TDto>, ProblemHttpResult>> GetAsync<T, TDto>(IQueryable<T> nodes, Guid id, Func<T, TDto> map,
        string what, CancellationToken ct) where T : TreeNode
    {
        var node = await nodes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        return node is null ? Problems.NotFound(what) : TypedResults.Ok(map(node));
    }

    /// <summary>
    /// Nodes by path; <paramref name="search"/> is matched by <paramref name="matching"/> (given an ILIKE pattern),
    /// archived nodes only with <paramref name="includeArchived"/>.
    /// </summary>
    public static async Task<Results<Ok<Page<TDto>>, ValidationProblem>> ListAsync<T, TDto>(IQueryable<T> nodes, Func<T, TDto> map,
        Func<string, Expression<Func<T, bool>>> matching, string? search, string? includeArchived, string? pageSize, string? after,
        CancellationToken ct) where T : TreeNode
    {
        var errors = new Dictionary<string, string[]>();
        var size = Paging.ReadPage(errors, pageSize, after, Ordering, 2, out var key);
        var text = QueryValues.Text(errors, "search", search);
        var withArchived = QueryValues.Bool(errors, "includeArchived", includeArchived);
        var afterId = Guid.Empty;
        if (key is not null && !Guid.TryParse(key[1], out afterId))
            errors["after"] = [Paging.InvalidCursor];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var query = Filtered(nodes, matching, text, withArchived);
        if (key is not null)
        {
            var afterPath = key[0];
            query = query.Where(n => EF.Functions.GreaterThan(ValueTuple.Create(n.Path, n.Id), ValueTuple.Create(afterPath, afterId)));
        }
        var rows = await query.OrderBy(n => n.Path).ThenBy(n => n.Id).Take(size + 1).ToListAsync(ct);
        return TypedResults.Ok(Paging.ToPage(rows, size, map, Ordering, n => [n.Path, n.Id.ToString()]));
    }

    /// <summary>
    /// The nodes a list's filters select (every page of them): the same <c>search</c> and <c>includeArchived</c> as
    /// <see cref="ListAsync"/>, so an export holds exactly what the list shows. Null with <paramref name="errors"/> filled when a value is bad.
    /// </summary>
    public static IQueryable<T>? Filter<T>(Dictionary<string, string[]> errors, IQueryable<T> nodes, Func<string, Expression<Func<T, bool>>> matching,
        string? search, string? includeArchived) where T : TreeNode
    {
        var text = QueryValues.Text(errors, "search", search);
        var withArchived = QueryValues.Bool(errors, "includeArchived", includeArchived);
        return errors.Count > 0 ? null : Filtered(nodes, matching, text, withArchived);
    }

    private static IQueryable<T> Filtered<T>(IQueryable<T> nodes, Func<string, Expression<Func<T, bool>>> matching, string? text, bool withArchived)
        where T : TreeNode
    {
        var query = nodes.AsNoTracking();
        if (!withArchived)
            query = query.Where(n => !n.IsArchived);
        if (text is not null)
            query = query.Where(matching(Paging.ContainsPattern(text)));
        return query;
    }
}
