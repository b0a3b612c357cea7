using Inventory.CatalogService.Data;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// The catalog's SQL reads rows into named records with <c>SqlQuery&lt;T&gt;</c>. EFCore.NamingConventions maps
/// those unmapped types too: a record's properties are read from the columns of their snake_case names.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class SqlQueryMappingTests(ServicesFixture fixture)
{
    private sealed record Row(Guid ItemId, decimal OnHand, string? Note);

    [Fact]
    public async Task A_record_of_a_sql_query_is_read_by_the_snake_case_names_of_its_properties()
    {
        await using var db = new CatalogDbContext(new DbContextOptionsBuilder<CatalogDbContext>()
            .UseNpgsql(fixture.Postgres.ConnectionString(ResourceNames.CatalogDb)).UseSnakeCaseNamingConvention().Options);
        var id = Guid.NewGuid();

        var rows = await db.Database.SqlQuery<Row>($"SELECT {id} AS item_id, 1.5::numeric AS on_hand, NULL::text AS note").ToListAsync();
        var pascal = db.Database.SqlQuery<Row>($"SELECT {id} AS \"ItemId\", 1.5::numeric AS \"OnHand\", NULL::text AS \"Note\"").ToListAsync();

        Assert.Equal(new Row(id, 1.5m, null), Assert.Single(rows));
        Assert.Contains("item_id", (await Assert.ThrowsAsync<InvalidOperationException>(() => pascal)).Message);
    }
}
