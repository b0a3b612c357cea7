using System.Net;
using System.Net.Http.Json;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Npgsql;

namespace Inventory.Tests.Service.Platform;

/// <summary>A database restart breaks every pooled connection; the services recover without a failed request.</summary>
[Collection(PlatformCollection.Name)]
public sealed class StaleConnectionTests(ServicesFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.ResetAsync(ResourceNames.CatalogDb);

    // The test process's own pools (used by other tests to reset and inspect databases) hold broken connections
    // too; they are not under test here, so they are emptied afterwards.
    public Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task After_the_database_restarts_reads_and_writes_succeed_on_the_first_try()
    {
        var catalog = fixture.Catalog.CreateClientAs(Roles.Manager);
        var procurement = fixture.Procurement.CreateClientAs(Roles.Manager);
        // Fill both pools with open connections.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => catalog.GetAsync("/api/items")));
        Assert.Equal(HttpStatusCode.OK, (await procurement.GetAsync("/api/suppliers")).StatusCode);

        await fixture.Postgres.RestartAsync();

        var read = await catalog.GetAsync("/api/items");
        var write = await catalog.PostAsJsonAsync("/api/items", new { sku = "AFTER-RESTART", name = "Written after a restart", unit = "each" });
        var otherService = await procurement.GetAsync("/api/suppliers");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherService.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await catalog.GetAsync(HealthEndpoints.HealthPath)).StatusCode);
    }
}
