using System.Net;
using System.Text.Json;
using Inventory.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Inventory.Tests.Service.Procurement;

[Collection(ServicesCollection.Name)]
public sealed class ProcurementApiReferenceTests(ServicesFixture fixture)
{
    [Fact]
    public async Task In_development_the_openapi_document_lists_the_procurement_endpoints_and_scalar_serves_a_reference_page()
    {
        await using var development = fixture.Procurement.WithWebHostBuilder(b => b.UseEnvironment("Development"));
        var anonymous = development.CreateClient();

        var document = await anonymous.GetAsync("/openapi/v1.json");
        var reference = await anonymous.GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var paths = JsonDocument.Parse(await document.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/suppliers", "/api/purchase-orders/{id}/receipts", "/api/replenishment/drafts", "/api/audit" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Fact]
    public async Task Outside_development_the_openapi_document_is_not_served() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Procurement.CreateClient().GetAsync("/openapi/v1.json")).StatusCode);
}
