using System.Net;
using System.Net.Http.Json;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Procurement;

/// <summary>
/// The malformed input issue 10 found answering 500: amounts beyond their numeric(18,4) columns and a forged supplier
/// cursor. Each is a 400 naming the field, and nothing is stored. (OpenApiFuzzTests covers every operation.)
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class MalformedInputTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly ProcurementTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("unitPrice", "99999999999999999999.9999")]
    [InlineData("unitPrice", "9223372036854775808")]
    [InlineData("minimumOrderQuantity", "99999999999999999999.9999")]
    [InlineData("minimumOrderQuantity", "9223372036854775808")]
    public async Task A_supplier_item_amount_too_large_to_store_is_400_naming_it_and_nothing_is_stored(string field, string value)
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("BIG-1");
        var body = field == "unitPrice"
            ? $$"""{"itemId":"{{item.Id}}","unitPrice":{{value}}}"""
            : $$"""{"itemId":"{{item.Id}}","unitPrice":1,"{{field}}":{{value}}}""";

        var response = await _data.Manager.PostAsync($"/api/suppliers/{supplier.Id}/items", Json(body));

        Assert.Equal([field], (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
        Assert.Empty(await _data.Manager.GetFromJsonAsync<List<object>>($"/api/suppliers/{supplier.Id}/items") ?? []);
    }

    [Theory]
    [InlineData("99999999999999999999.9999")]
    [InlineData("9223372036854775808")]
    public async Task A_purchase_order_line_price_too_large_to_store_is_400_naming_the_line_and_no_order_is_made(string price)
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("BIG-2");

        var response = await _data.Manager.PostAsync("/api/purchase-orders",
            Json($$"""{"supplierId":"{{supplier.Id}}","lines":[{"itemId":"{{item.Id}}","quantity":1,"unitPrice":{{price}}}]}"""));

        Assert.Equal(["lines[0].unitPrice"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
        var orders = await _data.Manager.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/purchase-orders");
        Assert.Equal(0, orders.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("AAAA")]
    [InlineData("WyJuYW1lIiwiXHUwMDAwIl0")] // ["name","\u0000"]
    public async Task A_forged_supplier_cursor_is_400_naming_after(string cursor)
    {
        var response = await _data.Manager.GetAsync($"/api/suppliers?pageSize=1&after={cursor}");

        Assert.Equal(["after"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
