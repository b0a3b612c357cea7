using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Inventory.ServiceDefaults;

namespace Inventory.Tests.EndToEnd;

/// <summary>The manifest azd deploys from: every resource present, only the gateway reachable from outside.</summary>
public sealed class ManifestTests
{
    [Fact]
    public async Task Published_manifest_has_every_resource_and_only_the_gateway_is_external()
    {
        var manifest = await PublishManifestAsync();
        var resources = manifest.GetProperty("resources");

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
    public async Task Databases_in_the_manifest_point_at_the_postgres_resource()
    {
        var resources = (await PublishManifestAsync()).GetProperty("resources");

        Assert.Equal("{postgres.connectionString};Database=catalogdb",
            resources.GetProperty(ResourceNames.CatalogDb).GetProperty("connectionString").GetString());
        Assert.Contains("{catalogdb.connectionString}",
            resources.GetProperty(ResourceNames.Catalog).GetProperty("env").GetRawText());
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
