using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Inventory.ServiceDefaults;

namespace Inventory.Tests.EndToEnd;

/// <summary>
/// How <c>Replicas:&lt;service&gt;</c> reaches the app model (nothing is started). What two replicas share and keep apart
/// is tested on a running app: ReplicaTests.
/// </summary>
public sealed class ReplicaSettingsModelTests
{
    private static Task<IDistributedApplicationTestingBuilder> AppHostAsync(params string[] args) => AppHostModel.BuildAsync(args);

    private static int ReplicasOf(IDistributedApplicationTestingBuilder builder, string resource) =>
        builder.Resources.Single(r => r.Name == resource).Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;

    [Fact]
    public async Task Each_service_gets_the_replicas_its_setting_names_and_the_others_one()
    {
        await using var builder = await AppHostAsync("--Replicas:catalog=3", "--Replicas:web=2", "--Replicas:gateway=2");

        Assert.Equal(3, ReplicasOf(builder, ResourceNames.Catalog));
        Assert.Equal(2, ReplicasOf(builder, ResourceNames.Web));
        Assert.Equal(2, ReplicasOf(builder, ResourceNames.Gateway));
        Assert.Equal(1, ReplicasOf(builder, ResourceNames.Procurement));
    }

    [Theory]
    [InlineData("--Replicas:catalog=0", "Replicas:catalog must be a whole number from 1 to 10, not '0'")]
    [InlineData("--Replicas:web=two", "Replicas:web must be a whole number from 1 to 10, not 'two'")]
    [InlineData("--Replicas:catalgo=2", "Replicas:catalgo names no project; replicas can be set for catalog, gateway, procurement, web")]
    public async Task A_bad_replicas_setting_stops_the_start_naming_it(string argument, string message)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => AppHostAsync(argument));

        Assert.Contains(message, failure.ToString());
    }
}
