using System.Net;
using System.Net.Http.Json;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.CatalogService.Stock;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

[Collection(ServicesCollection.Name)]
public sealed class IdempotencyTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _manager = fixture.Catalog.CreateClientAs(Roles.Manager, userId: "user-a");
    private readonly CatalogTestData _data = new(fixture, "user-a");
    private ItemDto _item = null!;
    private LocationDto _location = null!;

    public async Task InitializeAsync()
    {
        await _data.ResetAsync();
        _item = await _data.ItemAsync("IDEM");
        _location = await _data.WarehouseAsync("WH1");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_returns_the_first_answer_without_booking_again()
    {
        var body = new { itemId = _item.Id, locationId = _location.Id, quantity = 3 };

        var first = await (await PostAsync(_manager, "/api/movements/receipts", body, "k-1")).ReadAsync<MovementResult>(HttpStatusCode.Created);
        var retry = await PostAsync(_manager, "/api/movements/receipts", body, "k-1");

        var again = await retry.ReadAsync<MovementResult>(HttpStatusCode.Created);
        Assert.Equal(first.Movements[0].Id, again.Movements[0].Id);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(3, await _data.OnHandAsync(_item.Id, _location.Id));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_is_422()
    {
        (await PostAsync(_manager, "/api/movements/receipts", new { itemId = _item.Id, locationId = _location.Id, quantity = 3 }, "k-2")).EnsureSuccessStatusCode();

        var other = await PostAsync(_manager, "/api/movements/receipts", new { itemId = _item.Id, locationId = _location.Id, quantity = 4 }, "k-2");
        var otherEndpoint = await PostAsync(_manager, "/api/movements/issues", new { itemId = _item.Id, locationId = _location.Id, quantity = 3 }, "k-2");

        Assert.Contains("Idempotency-Key", (await other.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Keys);
        Assert.Contains("Idempotency-Key", (await otherEndpoint.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).Keys);
        Assert.Equal(3, await _data.OnHandAsync(_item.Id, _location.Id));
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_caller()
    {
        var other = fixture.Catalog.CreateClientAs(Roles.Manager, userId: "user-b");
        var body = new { itemId = _item.Id, locationId = _location.Id, quantity = 2 };

        (await PostAsync(_manager, "/api/movements/receipts", body, "shared")).EnsureSuccessStatusCode();
        var second = await PostAsync(other, "/api/movements/receipts", body, "shared");

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(4, await _data.OnHandAsync(_item.Id, _location.Id));
    }

    [Fact]
    public async Task A_refused_request_does_not_burn_its_key()
    {
        var issue = new { itemId = _item.Id, locationId = _location.Id, quantity = 2 };

        var refused = await PostAsync(_manager, "/api/movements/issues", issue, "k-3");
        await _data.ReceiveAsync(_item.Id, _location.Id, 5);
        var retried = await PostAsync(_manager, "/api/movements/issues", issue, "k-3");

        await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(3, await _data.OnHandAsync(_item.Id, _location.Id));
    }

    [Fact]
    public async Task Transfers_honour_the_key_too()
    {
        var wh2 = await _data.WarehouseAsync("WH2");
        await _data.ReceiveAsync(_item.Id, _location.Id, 5);
        var body = new { itemId = _item.Id, fromLocationId = _location.Id, toLocationId = wh2.Id, quantity = 2 };

        (await PostAsync(_manager, "/api/movements/transfers", body, "t-1")).EnsureSuccessStatusCode();
        (await PostAsync(_manager, "/api/movements/transfers", body, "t-1")).EnsureSuccessStatusCode();

        Assert.Equal(3, await _data.OnHandAsync(_item.Id, _location.Id));
        Assert.Equal(2, await _data.OnHandAsync(_item.Id, wh2.Id));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    public async Task A_malformed_key_is_400_naming_the_header(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/movements/receipts")
        {
            Content = JsonContent.Create(new { itemId = _item.Id, locationId = _location.Id, quantity = 1 }),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await _manager.SendAsync(request);

        Assert.Contains("Idempotency-Key", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task A_key_longer_than_200_characters_is_400()
    {
        var response = await PostAsync(_manager, "/api/movements/receipts", new { itemId = _item.Id, locationId = _location.Id, quantity = 1 }, new string('k', 201));

        Assert.Contains("Idempotency-Key", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }
}
