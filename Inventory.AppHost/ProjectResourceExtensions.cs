using Inventory.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inventory.AppHost;

internal static class ProjectResourceExtensions
{
    /// <summary>Gives a project its database's connection string and, where the database can report readiness, waits for it.</summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(
        this IResourceBuilder<ProjectResource> project, IResourceBuilder<IResourceWithConnectionString> database)
    {
        project.WithReference(database);
        if (database.Resource is IResourceWithWaitSupport)
            project.WaitFor(database);
        return project;
    }

    /// <summary>
    /// <c>dotnet run --project Inventory.AppHost -- --Seed:Enabled=true</c> has the catalog create a realistic
    /// demo catalog (categories, locations, hundreds of items, movement history) on an empty database.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDemoDataWhenAsked(this IResourceBuilder<ProjectResource> catalog)
    {
        var enabled = catalog.ApplicationBuilder.Configuration["Seed:Enabled"];
        return enabled is null ? catalog : catalog.WithEnvironment("Seed__Enabled", enabled);
    }

    /// <summary>
    /// Aspire turns on ASP.NET Core's built-in forwarded-headers handling in published projects, which
    /// trusts X-Forwarded-* from any peer. Behind the gateway only the gateway may set them, so internal
    /// projects handle them themselves (Web: ForwardedHeaders settings) or not at all.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithoutBlindForwardedHeaders(this IResourceBuilder<ProjectResource> project) =>
        project.WithEnvironment("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "false");

    /// <summary>
    /// Lets the orchestrator pick the port of an internal service at every start. Its launch profile's port
    /// (for running the project alone, and the binding the manifest publishes) would otherwise be fixed, and a
    /// second AppHost on the machine, unable to bind it, would wire its services to the first one's.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPortChosenAtStart(this IResourceBuilder<ProjectResource> project)
    {
        if (project.ApplicationBuilder.ExecutionContext.IsRunMode)
            project.WithEndpoint("http", endpoint => endpoint.Port = null, createIfNotExists: false);
        return project;
    }

    /// <summary>
    /// Makes the gateway's HTTP endpoint external. In run mode it listens on a fixed port
    /// (Gateway:Port, default 8080; 0 lets the orchestrator pick one) so the app has one address to bookmark,
    /// and the URL is logged at start. A fixed port already in use stops the start (<see cref="FixedPortCheck"/>).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPublicGatewayEndpoint(this IResourceBuilder<ProjectResource> gateway)
    {
        var builder = gateway.ApplicationBuilder;
        gateway.WithExternalHttpEndpoints();
        if (builder.ExecutionContext.IsPublishMode)
            return gateway;

        var port = builder.Configuration.GetValue<int?>("Gateway:Port") ?? 8080;
        gateway.WithEndpoint("http", endpoint => endpoint.Port = port > 0 ? port : null);

        gateway.WithUrlForEndpoint("http", url => url.DisplayText = "Inventory");
        builder.Eventing.Subscribe<ResourceEndpointsAllocatedEvent>(gateway.Resource, (e, _) =>
        {
            var url = gateway.Resource.GetEndpoint("http").Url;
            e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Inventory")
                .LogInformation("Inventory will be at {Url} once its resources are healthy (watch them in the Aspire dashboard)", url);
            return Task.CompletedTask;
        });
        return gateway;
    }
}
