using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Inventory.ServiceDefaults;

namespace Inventory.Tests.EndToEnd;

/// <summary>The manifest azd deploys from: every resource present, only the gateway reachable from outside.</summary>
public sealed class ManifestTests(ManifestTests.Published published) : IClassFixture<ManifestTests.Published>
{
    [Fact]
    public void Published_manifest_has_every_resource_and_only_the_gateway_is_external()
    {
        var resources = published.Manifest.GetProperty("resources");

        foreach (var name in new[] { ResourceNames.Postgres, ResourceNames.CatalogDb, ResourceNames.ProcurementDb, ResourceNames.WebDb,
                     ResourceNames.Catalog, ResourceNames.Procurement, ResourceNames.Web, ResourceNames.Gateway })
            Assert.True(resources.TryGetProperty(name, out _), $"manifest lacks {name}");

        Assert.Equal("container.v0", resources.GetProperty(ResourceNames.Postgres).GetProperty("type").GetString());
        var external = resources.EnumerateObject()
            .Where(r => r.Value.TryGetProperty("bindings", out var bindings) &&
                        bindings.EnumerateObject().Any(b => b.Value.TryGetProperty("external", out var e) && e.GetBoolean()))
            .Select(r => r.Name)
            .ToList();
        Assert.Equal([ResourceNames.Gateway], external);
    }

    [Fact]
    public void Databases_in_the_manifest_point_at_the_postgres_resource()
    {
        var resources = published.Manifest.GetProperty("resources");

        Assert.Equal("{postgres.connectionString};Database=catalogdb",
            resources.GetProperty(ResourceNames.CatalogDb).GetProperty("connectionString").GetString());
        Assert.Contains("{catalogdb.connectionString}",
            resources.GetProperty(ResourceNames.Catalog).GetProperty("env").GetRawText());
    }

    [Fact]
    public void Every_project_in_the_manifest_runs_with_two_malloc_arenas()
    {
        // azd gives the container apps the manifest's environment: the same MALLOC_ARENA_MAX as run mode (operations.md, "Memory").
        var resources = published.Manifest.GetProperty("resources");

        foreach (var name in new[] { ResourceNames.Catalog, ResourceNames.Procurement, ResourceNames.Web, ResourceNames.Gateway })
            Assert.Equal("2", resources.GetProperty(name).GetProperty("env").GetProperty("MALLOC_ARENA_MAX").GetString());
    }

    /// <summary>The manifest, published once for the class (each publish runs the AppHost for seconds).</summary>
    public sealed class Published : IAsyncLifetime
    {
        public JsonElement Manifest { get; private set; }

        public async Task InitializeAsync() => Manifest = await PublishManifestAsync();

        public Task DisposeAsync() => Task.CompletedTask;
    }

    private static async Task<JsonElement> PublishManifestAsync()
    {
        var output = Directory.CreateTempSubdirectory("inventory-manifest-");
        try
        {
            var appHostProject = Projects.Inventory_AppHost.ProjectPath;
            var configuration = typeof(ManifestTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            var path = Path.Combine(output.FullName, "aspire-manifest.json");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList = { "run", "--project", appHostProject, "--no-build", "-c", configuration, "--",
                    "--publisher", "manifest", "--output-path", path },
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"publishing failed: {await stdout}{await stderr}");
            return JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement.Clone();
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
