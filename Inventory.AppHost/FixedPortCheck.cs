using Inventory.LocalPostgres;
using Inventory.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inventory.AppHost;

/// <summary>
/// Refuses to start when a fixed port is already taken. The orchestrator, when it cannot bind a fixed port,
/// only logs it and still hands that address to the resources that reference it — so a second instance would
/// quietly talk to the first one's processes. Internal services have no fixed ports (the orchestrator picks
/// them); what remains fixed — the gateway, a configured PostgreSQL port, the dashboard's — is checked here,
/// before anything starts, and a clash names the port and the setting that moves it.
/// </summary>
internal static class FixedPortCheck
{
    // The setting behind each resource's fixed port; docs/development.md shows them for a second instance.
    private static readonly Dictionary<string, string> ResourceSettings = new()
    {
        [ResourceNames.Gateway] = "Gateway:Port",
        [ResourceNames.Postgres] = "Postgres:Port",
    };

    // Where a resource has more than one fixed endpoint, the setting of each one that is not the resource's main port.
    private static readonly Dictionary<(string Resource, string Endpoint), string> EndpointSettings = new()
    {
        [(ResourceNames.Gateway, "https")] = "Gateway:HttpsPort",
    };

    private static readonly string[] DashboardSettings =
        ["ASPNETCORE_URLS", "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", "ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"];

    public static IDistributedApplicationBuilder AddFixedPortCheck(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
            return builder;

        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            var dashboardEnabled = !e.Services.GetRequiredService<DistributedApplicationOptions>().DisableDashboard;
            var clashes = FixedPorts(e.Model, dashboardEnabled ? builder.Configuration : null)
                .Where(fixedPort => !LoopbackPort.IsFree(fixedPort.Port))
                .Select(fixedPort => $"port {fixedPort.Port} ({fixedPort.What}) is already in use; set {fixedPort.Setting} to another port")
                .ToList();
            if (clashes.Count == 0)
                return Task.CompletedTask;

            var message = $"Inventory cannot start: {string.Join("; ", clashes)}. " +
                "Another instance may be running: docs/development.md shows how to run two side by side.";
            e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Inventory").LogError("{Message}", message);
            throw new DistributedApplicationException(message);
        });
        return builder;
    }

    private sealed record FixedPort(int Port, string What, string Setting);

    private static IEnumerable<FixedPort> FixedPorts(DistributedApplicationModel model, IConfiguration? dashboard)
    {
        foreach (var resource in model.Resources)
        {
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
            {
                if (endpoint.Port is > 0 and var port)
                    yield return new(port, $"{resource.Name} {endpoint.Name}",
                        EndpointSettings.GetValueOrDefault((resource.Name, endpoint.Name))
                        ?? ResourceSettings.GetValueOrDefault(resource.Name, $"the {resource.Name} resource's '{endpoint.Name}' endpoint in Inventory.AppHost"));
            }
        }
        foreach (var setting in DashboardSettings)
        {
            foreach (var url in (dashboard?[setting] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Port > 0)
                    yield return new(uri.Port, "Aspire dashboard", $"{setting} (--{setting}=http://localhost:<port>)");
            }
        }
    }
}
