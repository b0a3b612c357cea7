using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Inventory.ServiceDefaults;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// The whole application as the AppHost wires it — local PostgreSQL on a temp data directory, the
/// services, web and gateway — started once for all end-to-end tests.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private DirectoryInfo? _dataDirectory;

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("inventory-e2e-");
        App = await StartAsync(_dataDirectory.FullName);
    }

    /// <summary>Starts the AppHost on a data directory and waits until the gateway is healthy.</summary>
    public static async Task<DistributedApplication> StartAsync(string dataDirectory)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Inventory_AppHost>(
            [
                "--Postgres:Mode=local",
                $"--Postgres:DataDirectory={dataDirectory}",
                "--Gateway:Port=0", // a random port: a developer's running app may hold 8080
            ],
            (options, _) => options.DisableDashboard = true,
            timeout.Token);

        // Exporters with no collector retry for seconds at shutdown.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
            project.Annotations.Add(new EnvironmentCallbackAnnotation(env => env["OTEL_SDK_DISABLED"] = "true"));

        var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, timeout.Token);
        return app;
    }

    public HttpClient CreateClient(string resource) => App.CreateHttpClient(resource);

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _dataDirectory?.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "apphost";
}
