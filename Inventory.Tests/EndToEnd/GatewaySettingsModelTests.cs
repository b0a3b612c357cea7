using Inventory.ServiceDefaults;

namespace Inventory.Tests.EndToEnd;

/// <summary>The AppHost passes its <c>Gateway:*</c> limits to the gateway project, and only what was set (nothing is started).</summary>
public sealed class GatewaySettingsModelTests
{
    [Theory]
    [InlineData("MaxRequestBodySize", "2048")]
    [InlineData("RequestTimeout", "00:00:45")]
    [InlineData("RedirectToHttps", "false")]
    [InlineData("StaticFileCacheDuration", "00:00:00")]
    public async Task A_gateway_setting_on_the_apphost_reaches_the_gateway(string setting, string value)
    {
        await using var builder = await AppHostModel.BuildAsync($"--Gateway:{setting}={value}");

        Assert.Equal(value, await AppHostModel.EnvironmentValueAsync(builder, ResourceNames.Gateway, $"Gateway__{setting}"));
    }

    [Fact]
    public async Task An_unset_one_is_left_to_the_gateways_default()
    {
        await using var builder = await AppHostModel.BuildAsync();

        Assert.Null(await AppHostModel.EnvironmentValueAsync(builder, ResourceNames.Gateway, "Gateway__StaticFileCacheDuration"));
    }
}
