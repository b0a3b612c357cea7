using System.Net;
using System.Text.Json;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;

namespace Inventory.Tests.Deployment;

/// <summary>
/// The single-VM deployment works as documented: the published Release binaries with deploy/vm's example
/// configuration find each other and the database without the AppHost, and a person signs in through the gateway.
/// </summary>
[Collection(VmDeploymentCollection.Name)]
public sealed class PublishedBinariesTests(VmDeployment vm)
{
    private const string NotAnswering = "service is not answering right now";

    [Fact]
    public async Task Every_published_service_reports_healthy_with_the_example_configuration()
    {
        using var http = new HttpClient();
        foreach (var (name, url) in vm.Urls)
        {
            var response = await http.GetAsync(new Uri(url, HealthEndpoints.HealthPath));
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {body}\n{vm.OutputOf(name)}");
            Assert.Equal("Healthy", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task The_filled_in_example_configuration_passes_each_services_preflight_check()
    {
        foreach (var name in vm.Urls.Keys)
        {
            // The test reaches the gateway at 127.0.0.1; a real host name is what the operator writes for <public-host>.
            var (exitCode, output) = await vm.CheckAsync(name, "--AllowedHosts=inventory.example.com", "--ForwardedHeaders:AllowedHosts:0=inventory.example.com");

            Assert.True(exitCode == 0, $"{name}: {output}");
            Assert.Contains("OK", output);
        }
    }

    [Fact]
    public void Every_service_writes_its_json_log_file_where_the_example_configuration_says()
    {
        foreach (var name in vm.Urls.Keys)
        {
            var files = Directory.GetFiles(vm.LogDirectory, "*.json").Where(f => !Path.GetFileName(f).Contains("-errors-", StringComparison.Ordinal)).ToList();
            var own = files.Where(f => Path.GetFileName(f).Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(own.Count > 0, $"{name}: no general log file among {string.Join(", ", files.Select(Path.GetFileName))}");
            using var reader = new StreamReader(new FileStream(own[0], FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var first = reader.ReadLine();
            Assert.False(string.IsNullOrEmpty(first), $"{name}: empty log file");
            Assert.True(JsonDocument.Parse(first!).RootElement.TryGetProperty("Message", out _), first);
        }
    }

    [Fact]
    public async Task A_person_signs_in_through_the_gateway_with_google_and_loads_the_inventory()
    {
        var email = SignIn.NewEmail("vm");
        using var browser = await SignIn.AsAsync(vm.Address, email);

        var inventory = await browser.GetAsync("/inventory");
        var page = await inventory.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, inventory.StatusCode);
        Assert.Equal("/inventory", inventory.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains($"{email} · Viewer", WebUtility.HtmlDecode(page));
        Assert.True(Html.HasId(page, "item-filters"), page);
        // The page read the catalog with a user token: Web found the service and the service trusted Web's key.
        Assert.DoesNotContain(NotAnswering, page);
        Assert.DoesNotContain("did not accept your session", page);
    }

    [Fact]
    public async Task The_configured_admin_creates_an_item_through_the_gateway_and_finds_it_in_the_list()
    {
        using var admin = await SignIn.AsAsync(vm.Address, SignIn.AdminEmail);
        var sku = CatalogUi.Unique("VM");

        var created = await admin.SubmitFormAsync("/inventory/new", "/inventory/new", new Dictionary<string, string>
        {
            ["Input.Sku"] = sku,
            ["Input.Name"] = "Published build",
            ["Input.Unit"] = "each",
        });
        var page = WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(page.Contains($"Item {sku} created.", StringComparison.Ordinal),
            $"{page}\n--- catalog:\n{vm.OutputOf("catalog")}\n--- web:\n{vm.OutputOf("web")}");
        var list = await (await admin.GetAsync($"/inventory?search={sku}")).Content.ReadAsStringAsync();
        Assert.NotEmpty(Html.Row(list, "items", sku));
    }

    [Fact]
    public async Task A_receipt_in_procurement_reaches_the_catalog_with_procurements_own_key()
    {
        using var ui = new ProcurementUi(vm);
        var item = await ui.ItemAsync(ProcurementUi.Unique("VM"));
        var warehouse = await ui.WarehouseAsync(ProcurementUi.Unique("WH"));
        var supplier = await ui.SupplierAsync(ProcurementUi.Unique("Supplier"));
        var order = await ui.SubmittedOrderAsync(supplier.Id, item.Id, quantity: 5, unitPrice: 2);

        await ui.ReceiveAsync(order, warehouse.Id, 5);

        // The outbox posts with a service token the catalog verifies with Auth__ServiceTokens__procurement__PublicKey.
        await ui.WaitForPostingStateAsync(order.Id, "Posted");
        var (stock, receipts) = await ui.StockAsync(item.Id);
        Assert.Equal(5m, stock[warehouse.Id]);
        Assert.Equal(1, receipts);
    }
}
