using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Npgsql;

namespace Inventory.Tests.Service.Catalog;

/// <summary>Direct reads of the catalog database, for checking what the API wrote.</summary>
public static class CatalogDb
{
    public static async Task<T> ScalarAsync<T>(this ServicesFixture fixture, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString(ResourceNames.CatalogDb));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }

    public static async Task ExecuteAsync(this ServicesFixture fixture, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(fixture.Postgres.ConnectionString(ResourceNames.CatalogDb));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        await command.ExecuteNonQueryAsync();
    }
}
