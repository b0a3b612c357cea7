using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.EndToEnd;

/// <summary>
/// Two AppHosts on one machine (two checkouts, or a developer's own run beside the tests). The shared app is
/// the first instance; both use the AppHost's own port configuration, so a fixed internal port would make the
/// second one's web and procurement talk to the first one's services.
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class SideBySideTests(AppHostFixture fixture)
{
    [Fact]
    public async Task Second_instance_beside_the_first_uses_its_own_services_and_database()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("inventory-e2e-second-");
        try
        {
            await using var second = await fixture.StartAnotherInstanceAsync(dataDirectory.FullName);

            foreach (var resource in new[] { ResourceNames.Catalog, ResourceNames.Procurement, ResourceNames.Web, ResourceNames.Gateway })
                Assert.NotEqual(fixture.App.GetEndpoint(resource, "http"), second.GetEndpoint(resource, "http"));

            // Searched for by a token of its own; the page echoes the search, never the rest of the name.
            var (firstSku, firstItem) = await CreateItemAsync(fixture.CreateServiceClient(ResourceNames.Catalog, Roles.Manager), "First");
            var (secondSku, secondItem) = await CreateItemAsync(fixture.ServiceClient(second, ResourceNames.Catalog, Roles.Manager), "Second");
            var supplierToken = Guid.NewGuid().ToString("N");
            var created = await fixture.CreateServiceClient(ResourceNames.Procurement, Roles.Manager)
                .PostAsJsonAsync("/api/suppliers", new { name = $"First instance {supplierToken}" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            // Through the second instance's own gateway: its web shows its own catalog and procurement data only.
            using var browser = await SignIn.AsAsync(second.GetEndpoint(ResourceNames.Gateway, "http"), "viewer@example.test");
            Assert.Contains(secondItem, await PageAsync(browser, $"/inventory?search={secondSku}"));
            Assert.DoesNotContain(firstItem, await PageAsync(browser, $"/inventory?search={firstSku}"));
            Assert.DoesNotContain($"First instance {supplierToken}", await PageAsync(browser, $"/suppliers?search={supplierToken}"));
        }
        finally
        {
            dataDirectory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("Gateway:Port", "http")]
    [InlineData("Gateway:HttpsPort", "https")]
    public async Task Gateway_port_in_use_stops_the_start_with_a_message_naming_the_port_and_its_setting(string setting, string endpoint)
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var dataDirectory = Directory.CreateTempSubdirectory("inventory-e2e-clash-");
        try
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
                fixture.StartAnotherInstanceAsync(dataDirectory.FullName, $"--{setting}={port}"));

            var messages = string.Join(" | ", Chain(failure).Select(e => e.Message));
            Assert.Contains($"port {port} (gateway {endpoint}) is already in use", messages);
            Assert.Contains($"set {setting} to another port", messages);
        }
        finally
        {
            dataDirectory.Delete(recursive: true);
        }
    }

    private static async Task<(string Sku, string Name)> CreateItemAsync(HttpClient catalog, string instance)
    {
        var sku = $"SBS-{Guid.NewGuid():N}"[..20];
        var name = $"{instance} instance item {Guid.NewGuid():N}";
        var created = await catalog.PostAsJsonAsync("/api/items", new { sku, name, unit = "each" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (sku, name);
    }

    private static async Task<string> PageAsync(BrowserSession browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
            yield return e;
    }
}
