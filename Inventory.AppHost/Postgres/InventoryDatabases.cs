using System.Diagnostics;
using Inventory.ServiceDefaults;

namespace Inventory.AppHost.Postgres;

internal sealed record InventoryDatabases(
    IResourceBuilder<IResourceWithConnectionString> Catalog,
    IResourceBuilder<IResourceWithConnectionString> Procurement,
    IResourceBuilder<IResourceWithConnectionString> Web);

internal static class InventoryDatabasesExtensions
{
    /// <summary>The PostgreSQL server in the configured mode and the three databases on it.</summary>
    public static InventoryDatabases AddInventoryDatabases(this IDistributedApplicationBuilder builder)
    {
        var mode = ResolveMode(builder);
        return mode switch
        {
            PostgresMode.Local => AddLocal(builder),
            PostgresMode.External => AddExternal(builder),
            _ => AddContainer(builder),
        };
    }

    internal static PostgresMode ResolveMode(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration["Postgres:Mode"];
        var mode = string.IsNullOrWhiteSpace(configured)
            ? PostgresMode.Auto
            : Enum.TryParse<PostgresMode>(configured, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException(
                    $"Postgres:Mode is '{configured}'; expected auto, local, container or external.");

        if (mode != PostgresMode.Auto)
            return mode;
        // A manifest must not point at a process on the publishing machine.
        if (builder.ExecutionContext.IsPublishMode)
            return PostgresMode.Container;
        return ContainerRuntimeAnswers() ? PostgresMode.Container : PostgresMode.Local;
    }

    private static InventoryDatabases AddLocal(IDistributedApplicationBuilder builder)
    {
        var server = builder.AddLocalPostgres(ResourceNames.Postgres);
        return new(
            server.AddLocalDatabase(ResourceNames.CatalogDb),
            server.AddLocalDatabase(ResourceNames.ProcurementDb),
            server.AddLocalDatabase(ResourceNames.WebDb));
    }

    private static InventoryDatabases AddContainer(IDistributedApplicationBuilder builder)
    {
        // Same major version as the local binaries, so dumps and data move between modes.
        var server = builder.AddPostgres(ResourceNames.Postgres)
            .WithImageTag("15")
            .WithDataVolume("inventory-postgres-data");
        return new(
            server.AddDatabase(ResourceNames.CatalogDb),
            server.AddDatabase(ResourceNames.ProcurementDb),
            server.AddDatabase(ResourceNames.WebDb));
    }

    private static InventoryDatabases AddExternal(IDistributedApplicationBuilder builder) => new(
        builder.AddConnectionString(ResourceNames.CatalogDb),
        builder.AddConnectionString(ResourceNames.ProcurementDb),
        builder.AddConnectionString(ResourceNames.WebDb));

    /// <summary>True when `docker info` (or `podman info`) reaches an engine within a few seconds.</summary>
    private static bool ContainerRuntimeAnswers()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") ?? "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
                return false;
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no such command
        }
    }
}
