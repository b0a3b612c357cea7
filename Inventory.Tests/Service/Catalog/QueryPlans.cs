using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Inventory.Tests.Service.Catalog;

/// <summary>The plans of the queries a piece of catalog code sends, for the plan tests (ItemListPlanTests, DashboardPlanTests).</summary>
internal static class QueryPlans
{
    /// <summary>Explains each query EF sends (the same text and parameters, on the same connection) before it runs.</summary>
    internal sealed class PlanCapture : DbCommandInterceptor
    {
        public List<string> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await using var explain = command.Connection!.CreateCommand();
            explain.Transaction = command.Transaction;
            explain.CommandText = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + command.CommandText;
            foreach (NpgsqlParameter parameter in command.Parameters)
                explain.Parameters.Add(parameter.Clone());
            Plans.Add((string)(await explain.ExecuteScalarAsync(cancellationToken))!);
            return result;
        }
    }

    internal sealed record PlanNode(string Type, string? Index, string? Relation, double Rows, double Loops)
    {
        public static List<PlanNode> Flatten(string json)
        {
            var nodes = new List<PlanNode>();
            void Walk(JsonElement node)
            {
                nodes.Add(new PlanNode(node.GetProperty("Node Type").GetString()!,
                    node.TryGetProperty("Index Name", out var index) ? index.GetString() : null,
                    node.TryGetProperty("Relation Name", out var relation) ? relation.GetString() : null,
                    node.GetProperty("Actual Rows").GetDouble(), node.GetProperty("Actual Loops").GetDouble()));
                if (node.TryGetProperty("Plans", out var children))
                    foreach (var child in children.EnumerateArray())
                        Walk(child);
            }
            using var document = JsonDocument.Parse(json);
            Walk(document.RootElement[0].GetProperty("Plan"));
            return nodes;
        }
    }
}
