using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Inventory.ServiceDefaults;

namespace Inventory.Tests.EndToEnd;

/// <summary>
/// How the AppHost's <c>Telemetry:Tracing:SampleRatio</c> reaches the projects (nothing is started). What the ratio
/// does in a process is tested beside the sampler (TraceSamplingTests).
/// </summary>
public sealed class TraceSamplingModelTests
{
    private const string Variable = "Telemetry__Tracing__SampleRatio";
    private static readonly string[] Projects = [ResourceNames.Catalog, ResourceNames.Procurement, ResourceNames.Web, ResourceNames.Gateway];

    private static Task<IDistributedApplicationTestingBuilder> AppHostAsync(params string[] args) => AppHostModel.BuildAsync(args);

    private static Task<string?> RatioOfAsync(IDistributedApplicationTestingBuilder builder, string resource) =>
        AppHostModel.EnvironmentValueAsync(builder, resource, Variable);

    [Fact]
    public async Task The_apphosts_ratio_is_passed_to_every_project()
    {
        await using var builder = await AppHostAsync("--Telemetry:Tracing:SampleRatio=0.25");

        foreach (var project in Projects)
            Assert.Equal("0.25", await RatioOfAsync(builder, project));
    }

    [Fact]
    public async Task Without_a_ratio_no_project_is_given_one()
    {
        await using var builder = await AppHostAsync();

        foreach (var project in Projects)
            Assert.Null(await RatioOfAsync(builder, project));
    }

    [Fact]
    public async Task A_ratio_outside_0_to_1_stops_the_start_naming_the_setting()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AppHostAsync("--Telemetry:Tracing:SampleRatio=2"));

        Assert.Contains("Telemetry:Tracing:SampleRatio must be a number from 0 to 1, not '2'", failure.ToString());
    }
}
