using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Trees;

/// <summary>The SQL that keeps a tree's materialized paths right. Table and label names are constants of this service.</summary>
public static class TreeSql
{
    /// <summary>
    /// Serializes changes to one tree for the rest of the transaction, so two concurrent moves cannot build a
    /// cycle that neither saw, and a child never gets the path of a parent that is being moved.
    /// </summary>
    public static Task LockAsync(DbContext db, string table, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext({0}))", ["tree:" + table], ct);

    /// <summary>Recomputes path, path_ids and depth of <paramref name="rootId"/> and everything below it.</summary>
    public static Task RecomputeSubtreeAsync(DbContext db, string table, string labelColumn, Guid rootId, CancellationToken ct)
    {
        // Table and column names are this service's constants (never input), so they can be spliced in.
        var sql = $"""
            WITH RECURSIVE t AS (
                SELECT c.id, COALESCE(p.path_ids, '/') || c.id::text || '/' AS path_ids,
                       CASE WHEN p.id IS NULL THEN c.{labelColumn}::text ELSE p.path || ' / ' || c.{labelColumn} END AS path
                FROM {table} c LEFT JOIN {table} p ON p.id = c.parent_id
                WHERE c.id = {"{0}"}
                UNION ALL
                SELECT c.id, t.path_ids || c.id::text || '/', t.path || ' / ' || c.{labelColumn}
                FROM {table} c JOIN t ON c.parent_id = t.id
            )
            UPDATE {table} x
            SET path_ids = t.path_ids, path = t.path,
                depth = length(t.path_ids) - length(replace(t.path_ids, '/', '')) - 1
            FROM t WHERE x.id = t.id
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [rootId], ct);
    }
}
