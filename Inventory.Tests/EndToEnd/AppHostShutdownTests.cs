using Inventory.LocalPostgres;
using Inventory.Tests.Deployment;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.EndToEnd;

/// <summary>
/// The AppHost run as a developer runs it — its own process, on its own data directory — and stopped with SIGTERM.
/// PostgreSQL must be shut down cleanly: left "in production" (killed), every next start replays its log and loses
/// the planner's statistics (issue 14).
/// </summary>
[Collection(AppHostShutdownCollection.Name)]
public sealed class AppHostShutdownTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Stopping_the_apphost_shuts_its_postgres_down_cleanly()
    {
        var data = Directory.CreateTempSubdirectory("inventory-shutdown-");
        try
        {
            var port = LoopbackPort.Free();
            using var appHost = ServiceProcess.Start("AppHost",
                [AppHostExecutable(), "--Postgres:Mode=local", $"--Postgres:DataDirectory={data.FullName}", $"--Gateway:Port={port}"],
                data.FullName,
                new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Development", ["ASPNETCORE_ENVIRONMENT"] = "Development" });
            await appHost.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{port}"), StartTimeout);

            var exitCode = await appHost.TerminateAsync(TimeSpan.FromMinutes(1));

            var cluster = Path.Combine(data.FullName, "pgdata");
            Assert.Equal(0, exitCode);
            Assert.Equal("shut down", await PostgresCluster.StateAsync(PostgresBinaries.FindBinDirectory(null), cluster, CancellationToken.None));
            Assert.False(File.Exists(Path.Combine(cluster, "postmaster.pid")), appHost.Output);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    // The AppHost built beside this test assembly, in the same configuration (bin/<Debug|Release>/net10.0).
    private static string AppHostExecutable()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        var project = Path.GetDirectoryName(Projects.Inventory_AppHost.ProjectPath.TrimEnd('/'))!;
        var folder = File.Exists(Projects.Inventory_AppHost.ProjectPath) ? project : Projects.Inventory_AppHost.ProjectPath;
        return Path.Combine(folder, "bin", configuration, "net10.0", "Inventory.AppHost");
    }
}

// Alone: a whole AppHost of its own, not beside the other collections' apps.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppHostShutdownCollection
{
    public const string Name = "apphost-shutdown";
}
