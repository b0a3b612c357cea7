using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.CatalogService.Data;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Platform;

[Collection(PlatformCollection.Name)]
public sealed class HealthEndpointTests(ServicesFixture fixture)
{
    [Fact]
    public async Task Health_is_200_and_lists_database_configuration_and_disk_checks()
    {
        var response = await fixture.Catalog.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("disk-space", checks);
        Assert.Contains("required-configuration", checks);
        Assert.Contains(checks, name => name!.Contains("CatalogDbContext", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_is_503_without_exception_text_when_the_database_is_unreachable()
    {
        // Nothing listens on port 1 of loopback: the database check fails at once.
        await using var factory = new ServiceFactory<CatalogDbContext>(ResourceNames.Catalog, ResourceNames.CatalogDb, "Host=127.0.0.1;Port=1;Username=x;Database=x;Timeout=2", fixture.Tokens);
        var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"Unhealthy\"", text);
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("127.0.0.1", text);
    }

    [Fact]
    public async Task Health_is_503_when_free_disk_space_is_below_the_minimum()
    {
        var client = fixture.Catalog.WithWebHostBuilder(b =>
            b.UseSetting("HealthChecks:DiskSpace:MinimumFreeMegabytes", long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var disk = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "disk-space");
        Assert.Equal("Unhealthy", disk.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Alive_is_200_even_when_the_database_is_unreachable()
    {
        await using var factory = new ServiceFactory<CatalogDbContext>(ResourceNames.Catalog, ResourceNames.CatalogDb, "Host=127.0.0.1;Port=1;Username=x;Database=x;Timeout=2", fixture.Tokens);
        var client = factory.CreateClient();

        var response = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
