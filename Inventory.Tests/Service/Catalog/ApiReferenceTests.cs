using System.Net;
using System.Text.Json;
using Inventory.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Inventory.Tests.Service.Catalog;

[Collection(ServicesCollection.Name)]
public sealed class ApiReferenceTests(ServicesFixture fixture)
{
    [Fact]
    public async Task In_development_the_openapi_document_lists_the_catalog_endpoints_and_scalar_serves_a_reference_page()
    {
        await using var development = fixture.Catalog.WithWebHostBuilder(b => b.UseEnvironment("Development"));
        var anonymous = development.CreateClient();

        var document = await anonymous.GetAsync("/openapi/v1.json");
        var reference = await anonymous.GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var paths = JsonDocument.Parse(await document.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/items", "/api/movements/transfers", "/api/receipts", "/api/counts/{id}/post", "/api/dashboard", "/api/items/import" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Equal("text/html", reference.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Outside_development_there_is_no_api_reference()
    {
        var response = await fixture.Catalog.CreateClient().GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode); // no such endpoint: the fallback policy answers
    }
}
