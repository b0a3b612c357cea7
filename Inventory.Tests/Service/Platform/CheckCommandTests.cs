using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Platform;

/// <summary>
/// <c>check</c> runs through the same command frame as <c>migrate</c>, from each built binary, before the service
/// registers anything: a production configuration that Web's registration would refuse is still reported setting by setting.
/// </summary>
public sealed class CheckCommandTests
{
    public static TheoryData<string, string> Binaries => new()
    {
        { "Inventory.Web", "Auth:Google:ClientId" },
        { "Inventory.CatalogService", "ConnectionStrings:catalogdb" },
        { "Inventory.ProcurementService", "ConnectionStrings:procurementdb" },
        { "Inventory.Gateway", "AllowedHosts" },
    };

    [Theory]
    [MemberData(nameof(Binaries))]
    public async Task An_empty_production_configuration_is_refused_naming_what_is_missing(string project, string setting)
    {
        var run = await ServiceCommandRun.RunAsync(project, new Dictionary<string, string>(), "check");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(setting, run.Output);
        Assert.Contains("checking the Production configuration", run.Output);
        Assert.DoesNotContain("Unhandled exception", run.Error);
    }
}
