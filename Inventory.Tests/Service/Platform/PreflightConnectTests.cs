using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Unit.Preflight;

namespace Inventory.Tests.Service.Platform;

/// <summary><c>check --connect</c> against a real PostgreSQL server: a database that answers passes; one the server refuses is named with the server's reason.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PreflightConnectTests(ServicesFixture fixture, GoodConfigurations good) : IClassFixture<GoodConfigurations>
{
    [Fact]
    public async Task A_reachable_database_passes_and_a_missing_one_is_named_with_the_servers_refusal()
    {
        var settings = good.Catalog;
        settings["ConnectionStrings:catalogdb"] = fixture.Postgres.ConnectionString(ResourceNames.CatalogDb);
        var reachable = await PreflightServices.CheckAsync(ResourceNames.Catalog, settings, "--connect");
        settings["ConnectionStrings:catalogdb"] = fixture.Postgres.ConnectionString($"no_such_db_{Guid.NewGuid():N}");
        var missing = await PreflightServices.CheckAsync(ResourceNames.Catalog, settings, "--connect");

        Assert.True(reachable.ExitCode == 0, reachable.ToString());
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal(["ConnectionStrings:catalogdb"], missing.Settings);
        Assert.Contains("3D000", missing.Output); // invalid_catalog_name: the database does not exist
    }
}
