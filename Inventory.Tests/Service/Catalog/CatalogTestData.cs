using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Categories;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Npgsql;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// Builds catalog data through the real API (a failed call fails the test), as a Manager with
/// <paramref name="userId"/>; empties the catalog's tables; and reads the database directly, to check what the API wrote.
/// </summary>
public sealed class CatalogTestData(ServicesFixture fixture, string userId = "manager-1")
{
    private readonly HttpClient _manager = fixture.Catalog.CreateClientAs(Roles.Manager, userId);

    public Task ResetAsync() => fixture.ResetAsync(ResourceNames.CatalogDb);

    public async Task<ItemDto> ItemAsync(string sku, string unit = "each", decimal unitCost = 1m, decimal reorderPoint = 0m,
        Guid? categoryId = null, string? barcode = null, string? name = null) =>
        await (await _manager.PostAsJsonAsync("/api/items", new
        {
            sku, name = name ?? $"Item {sku}", unit, unitCost, reorderPoint, reorderQuantity = 10m, categoryId, barcode,
        })).ReadAsync<ItemDto>(HttpStatusCode.Created);

    public async Task<CategoryDto> CategoryAsync(string name, Guid? parentId = null) =>
        await (await _manager.PostAsJsonAsync("/api/categories", new { name, parentId })).ReadAsync<CategoryDto>(HttpStatusCode.Created);

    public Task<LocationDto> WarehouseAsync(string code, bool allowsNegative = false) =>
        LocationAsync(new { code, name = $"Warehouse {code}", kind = LocationKinds.Warehouse, allowsNegative });

    public Task<LocationDto> BinAsync(string code, Guid parentId, bool allowsNegative = false) =>
        LocationAsync(new { code, name = $"Bin {code}", kind = LocationKinds.Bin, parentId, allowsNegative });

    /// <summary>A manual receipt: stock of the item at the location.</summary>
    public async Task<MovementResult> ReceiveAsync(Guid itemId, Guid locationId, decimal quantity, string? reference = null) =>
        await (await _manager.PostAsJsonAsync("/api/movements/receipts", new { itemId, locationId, quantity, reference }))
            .ReadAsync<MovementResult>(HttpStatusCode.Created);

    /// <summary>On hand of the item at the location, as the item's detail shows it.</summary>
    public async Task<decimal> OnHandAsync(Guid itemId, Guid locationId)
    {
        var item = await (await _manager.GetAsync($"/api/items/{itemId}")).ReadAsync<ItemDetailDto>();
        return item.Stock.FirstOrDefault(s => s.LocationId == locationId)?.OnHand ?? 0m;
    }

    /// <summary>The first column of the first row of <paramref name="sql"/> ($1, $2 … are <paramref name="parameters"/>).</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A JSON body as written, for requests a typed object cannot express (wrong types, missing fields).</summary>
    public static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private async Task<LocationDto> LocationAsync(object body) =>
        await (await _manager.PostAsJsonAsync("/api/locations", body)).ReadAsync<LocationDto>(HttpStatusCode.Created);

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString(ResourceNames.CatalogDb));
        await connection.OpenAsync();
        return connection;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        return command;
    }
}
