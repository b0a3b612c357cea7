using System.Data.Common;
using Inventory.CatalogService.Data;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Kit;
using Inventory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// The services read rows of their own SQL with the kit's <see cref="SqlRows"/>: into a named record, each constructor
/// parameter from the column of its snake_case name, as EF's own command (interceptors and transaction apply).
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class SqlQueryMappingTests(ServicesFixture fixture)
{
    private sealed record Row(Guid ItemId, decimal OnHand, string? Note, DateTimeOffset? SeenAt, long? BalanceAfter);

    private sealed record Required(Guid ItemId, decimal OnHand);

    private CatalogDbContext NewContext(params IInterceptor[] interceptors) => new(new DbContextOptionsBuilder<CatalogDbContext>()
        .UseNpgsql(fixture.Postgres.ConnectionString(ResourceNames.CatalogDb)).UseSnakeCaseNamingConvention().AddInterceptors(interceptors).Options);

    [Fact]
    public async Task A_record_is_read_by_the_snake_case_names_of_its_parameters_whatever_the_column_order()
    {
        await using var db = NewContext();
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 12, 2, 10, 30, 0, TimeSpan.Zero);

        var rows = await db.SqlRowsAsync<Row>(
            $"SELECT NULL::bigint AS balance_after, {at} AS seen_at, NULL::text AS note, 1.5::numeric AS on_hand, {id} AS item_id", default);

        Assert.Equal(new Row(id, 1.5m, null, at, null), Assert.Single(rows));
    }

    [Fact]
    public async Task A_missing_column_or_a_null_for_a_value_that_cannot_be_null_is_an_error_not_a_default()
    {
        await using var db = NewContext();
        var pascal = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.SqlRowsAsync<Required>($"SELECT {Guid.NewGuid()} AS \"ItemId\", 1.5::numeric AS \"OnHand\"", default));
        Assert.Contains("no column 'item_id'", pascal.Message);

        await Assert.ThrowsAnyAsync<InvalidCastException>(() =>
            db.SqlRowsAsync<Required>($"SELECT {Guid.NewGuid()} AS item_id, NULL::numeric AS on_hand", default));
    }

    [Fact]
    public async Task The_statement_is_efs_own_command_in_the_contexts_transaction()
    {
        var seen = new SeenCommands();
        await using var db = NewContext(seen);
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlAsync($"CREATE TEMP TABLE sql_rows_probe (item_id uuid, on_hand numeric) ON COMMIT DROP");
        var id = Guid.NewGuid();
        await db.Database.ExecuteSqlAsync($"INSERT INTO sql_rows_probe VALUES ({id}, 2)");

        // The uncommitted row is visible: the statement ran on the transaction's connection.
        var row = await db.SqlRowAsync<Required>($"SELECT item_id, on_hand FROM sql_rows_probe WHERE item_id = {id}", default);

        Assert.Equal(new Required(id, 2m), row);
        Assert.Null(await db.SqlRowAsync<Required>($"SELECT item_id, on_hand FROM sql_rows_probe WHERE item_id = {Guid.NewGuid()}", default));
        Assert.Contains(seen.Texts, t => t.Contains("FROM sql_rows_probe WHERE item_id = @p0"));
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task A_constant_statement_keeps_its_braces()
    {
        await using var db = NewContext();
        var row = await db.SqlRowsRawAsync<Required>($$"""SELECT '{{Guid.Empty}}'::uuid AS item_id, array_length('{1,2,3}'::int[], 1)::numeric AS on_hand""", default);
        Assert.Equal(new Required(Guid.Empty, 3m), Assert.Single(row));
    }

    private sealed class SeenCommands : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Texts.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
