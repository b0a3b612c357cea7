using Inventory.CatalogService.Preflight;
using Inventory.Gateway.Preflight;
using Inventory.ProcurementService.Preflight;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Preflight;
using Inventory.Web.Preflight;

namespace Inventory.Tests.Unit.Preflight;

/// <summary>Each service's <c>check</c> command and project folder (its content root), by resource name.</summary>
public static class PreflightServices
{
    public static readonly TheoryData<string> Names = new(ResourceNames.Catalog, ResourceNames.Procurement, ResourceNames.Web, ResourceNames.Gateway);

    public static (PreflightCommand Command, string Project) Of(string service) => service switch
    {
        ResourceNames.Catalog => (CatalogPreflight.Command, "Inventory.CatalogService"),
        ResourceNames.Procurement => (ProcurementPreflight.Command, "Inventory.ProcurementService"),
        ResourceNames.Web => (WebPreflight.Command, "Inventory.Web"),
        ResourceNames.Gateway => (GatewayPreflight.Command, "Inventory.Gateway"),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    public static Task<PreflightResult> CheckAsync(string service, IReadOnlyDictionary<string, string> settings, params string[] extraArgs)
    {
        var (command, project) = Of(service);
        return PreflightRun.RunAsync(command, project, settings, extraArgs);
    }
}
