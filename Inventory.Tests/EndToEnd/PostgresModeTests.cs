using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Inventory.ServiceDefaults;

namespace Inventory.Tests.EndToEnd;

/// <summary>How the AppHost provides PostgreSQL in each mode (the app model only; nothing is started).</summary>
public sealed class PostgresModeTests
{
    private static async Task<IDistributedApplicationTestingBuilder> AppHostAsync(params string[] args) =>
        await DistributedApplicationTestingBuilder.CreateAsync<Projects.Inventory_AppHost>(args, (options, _) => options.DisableDashboard = true);

    [Fact]
    public async Task Local_mode_runs_the_machines_postgres_as_an_executable_with_three_databases()
    {
        var data = Directory.CreateTempSubdirectory("inventory-mode-");
        try
        {
            await using var builder = await AppHostAsync("--Postgres:Mode=local", $"--Postgres:DataDirectory={data.FullName}");

            var server = Assert.IsAssignableFrom<ExecutableResource>(builder.Resources.Single(r => r.Name == ResourceNames.Postgres));
            Assert.IsAssignableFrom<IResourceWithConnectionString>(server);
            foreach (var database in new[] { ResourceNames.CatalogDb, ResourceNames.ProcurementDb, ResourceNames.WebDb })
                Assert.IsAssignableFrom<IResourceWithWaitSupport>(builder.Resources.Single(r => r.Name == database));
            Assert.True(File.Exists(Path.Combine(data.FullName, "postgres.password")), "the generated password lives beside the cluster");
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task External_mode_uses_the_configured_connection_strings_and_runs_no_server()
    {
        const string catalog = "Host=db.example;Database=catalogdb;Username=inventory;Password=secret";
        await using var builder = await AppHostAsync("--Postgres:Mode=external",
            $"--ConnectionStrings:catalogdb={catalog}",
            "--ConnectionStrings:procurementdb=Host=db.example;Database=procurementdb",
            "--ConnectionStrings:webdb=Host=db.example;Database=webdb");

        Assert.DoesNotContain(builder.Resources, r => r.Name == ResourceNames.Postgres);
        var catalogDb = Assert.IsAssignableFrom<IResourceWithConnectionString>(builder.Resources.Single(r => r.Name == ResourceNames.CatalogDb));
        Assert.Equal(catalog, await catalogDb.ConnectionStringExpression.GetValueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Container_mode_uses_the_pinned_postgres_image()
    {
        await using var builder = await AppHostAsync("--Postgres:Mode=container");

        var server = builder.Resources.Single(r => r.Name == ResourceNames.Postgres);
        Assert.True(server.TryGetLastAnnotation<ContainerImageAnnotation>(out var image));
        Assert.Equal("15", image.Tag);
    }

    [Fact]
    public async Task An_unknown_mode_stops_the_apphost_with_a_message_naming_the_choices()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => AppHostAsync("--Postgres:Mode=cloud"));

        Assert.Contains("expected auto, local, container or external", error.GetBaseException().Message);
    }
}
