using System.Net;
using System.Net.Http.Json;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.EndToEnd;

[Collection(AppHostCollection.Name)]
public sealed class GatewayTests(AppHostFixture fixture)
{
    [Fact]
    public async Task Item_created_through_the_catalog_api_is_listed_on_the_inventory_page_through_the_gateway()
    {
        var sku = $"E2E-{Guid.NewGuid():N}"[..20];
        var created = await fixture.CreateServiceClient(ResourceNames.Catalog, Roles.Manager)
            .PostAsJsonAsync("/api/items", new { sku, name = "End-to-end widget", unit = "each", unitCost = 2.5 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var browser = await fixture.SignInAsync("viewer@example.test");
        var page = await (await browser.GetAsync($"/inventory?search={sku}")).Content.ReadAsStringAsync();

        Assert.Contains(sku, page);
        Assert.Contains("End-to-end widget", page);
    }

    [Fact]
    public async Task Supplier_created_through_the_procurement_api_is_listed_on_the_suppliers_page_through_the_gateway()
    {
        var name = $"Supplier {Guid.NewGuid():N}";
        var created = await fixture.CreateServiceClient(ResourceNames.Procurement, Roles.Manager).PostAsJsonAsync("/api/suppliers", new { name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var browser = await fixture.SignInAsync("viewer@example.test");
        var page = await (await browser.GetAsync($"/suppliers?search={Uri.EscapeDataString(name)}")).Content.ReadAsStringAsync();

        Assert.Contains(name, page);
    }

    [Theory]
    [InlineData("/dashboard", "Dashboard")]
    [InlineData("/inventory", "Inventory")]
    [InlineData("/suppliers", "Suppliers")]
    [InlineData("/purchase-orders", "Purchase orders")]
    public async Task Every_page_of_the_navigation_renders_through_the_gateway(string path, string heading)
    {
        using var browser = await fixture.SignInAsync("viewer@example.test");
        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($">{heading}</h1>", html);
        Assert.Contains("href=\"/purchase-orders\"", html);
        Assert.Contains("bootstrap.min", html);
    }

    [Fact]
    public async Task Unknown_page_is_a_friendly_404()
    {
        using var browser = await fixture.SignInAsync("viewer@example.test");
        var response = await browser.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bootstrap_is_served_from_the_app_itself()
    {
        var gateway = fixture.CreateClient(ResourceNames.Gateway);
        var html = await gateway.GetStringAsync("/login");
        var href = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/lib/bootstrap/[^\"]+\\.css)\"").Groups[1].Value;

        var css = await gateway.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Webs_health_checks_its_database_sign_in_configuration_required_settings_and_disk()
    {
        var body = await (await fixture.CreateClient(ResourceNames.Web).GetAsync(HealthEndpoints.HealthPath)).Content.ReadAsStringAsync();

        foreach (var check in new[] { "\"oauth-configuration\"", "\"required-configuration\"", "\"disk-space\"", "\"database-migrations\"", "WebDbContext" })
            Assert.Contains(check, body);
    }

    [Theory]
    [InlineData(ResourceNames.Gateway)]
    [InlineData(ResourceNames.Web)]
    [InlineData(ResourceNames.Catalog)]
    [InlineData(ResourceNames.Procurement)]
    public async Task Every_service_reports_healthy_with_its_checks(string resource)
    {
        var response = await fixture.CreateClient(resource).GetAsync(HealthEndpoints.HealthPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"disk-space\"", await response.Content.ReadAsStringAsync());
    }
}
