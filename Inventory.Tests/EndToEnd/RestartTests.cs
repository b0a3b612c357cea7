using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.EndToEnd;

[Collection(AppHostCollection.Name)]
public sealed class RestartTests
{
    [Fact]
    public async Task Data_survives_stopping_and_starting_the_app_on_the_same_data_directory()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("inventory-restart-");
        try
        {
            await using (var first = await AppHostFixture.StartAsync(dataDirectory.FullName))
            {
                var created = await first.CreateHttpClient(ResourceNames.Catalog)
                    .PostAsJsonAsync("/api/items", new { sku = "KEEP-1", name = "Kept across restarts", unit = "each" });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }

            await using var second = await AppHostFixture.StartAsync(dataDirectory.FullName);
            var page = await second.CreateHttpClient(ResourceNames.Gateway).GetStringAsync("/inventory");
            Assert.Contains("Kept across restarts", page);
        }
        finally
        {
            dataDirectory.Delete(recursive: true);
        }
    }
}
