using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Inventory.CatalogService.Items;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// A movement a service books for a person names the person as its user and the service as its channel; only a
/// service's own token may name a person, and only a person.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class ActingUserTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly CatalogTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private TokenMinter Procurement => new(TokenClaims.ServiceIssuer(ResourceNames.Procurement), fixture.Tokens.Procurement.PrivateKeyPem, TimeProvider.System);

    private TokenMinter Web => new(TokenClaims.UserIssuer, fixture.Tokens.Web.PrivateKeyPem, TimeProvider.System);

    private async Task<HttpResponseMessage> PostReceiptAsync(string token, Guid itemId, Guid locationId, DateTimeOffset? receivedAt = null)
    {
        var client = fixture.Catalog.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsJsonAsync("/api/receipts",
            new { receiptLineId = Guid.NewGuid(), itemId, locationId, quantity = 2, reference = "PO-1", receivedAt });
    }

    [Fact]
    public async Task A_receipt_posted_by_procurement_for_a_person_records_the_person_as_user_and_procurement_as_channel()
    {
        var item = await _data.ItemAsync("ACT-1");
        var bin = await _data.WarehouseAsync("ACT-WH");
        var receivedAt = DateTimeOffset.UtcNow.AddMinutes(-7);
        var token = Procurement.Mint(ResourceNames.Catalog,
            [new(TokenClaims.Subject, "service:procurement"), new(TokenClaims.OnBehalfOf, "4f1c0d5e-receiver")]);

        var posted = await PostReceiptAsync(token, item.Id, bin.Id, receivedAt);

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var detail = await (await fixture.Catalog.CreateClientAs(Roles.Viewer).GetAsync($"/api/items/{item.Id}")).ReadAsync<ItemDetailDto>();
        var movement = detail.RecentMovements.Single();
        Assert.Equal(("4f1c0d5e-receiver", "service:procurement"), (movement.UserId, movement.Channel));
        Assert.Equal(receivedAt.ToUnixTimeMilliseconds(), movement.ActedAt!.Value.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task A_movement_a_person_books_directly_has_no_channel()
    {
        var item = await _data.ItemAsync("ACT-2");
        var bin = await _data.WarehouseAsync("ACT-WH2");

        await _data.ReceiveAsync(item.Id, bin.Id, 1);

        var movement = (await (await fixture.Catalog.CreateClientAs(Roles.Viewer).GetAsync($"/api/items/{item.Id}")).ReadAsync<ItemDetailDto>())
            .RecentMovements.Single();
        Assert.Null(movement.Channel);
        Assert.Null(movement.ActedAt);
        Assert.False(movement.UserId.StartsWith("service:", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> Forgeries => new()
    {
        // Web's key may sign people, never a person acting for another.
        { "user token naming another person", "web" },
        // A service acts for people, not for another service (which would launder a service identity into the user column).
        { "service token naming a service", "service" },
        { "service token naming nobody", "blank" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_token_that_may_not_name_that_person_is_refused_and_books_nothing(string what, string kind)
    {
        var item = await _data.ItemAsync("ACT-3");
        var bin = await _data.WarehouseAsync("ACT-WH3");
        var token = kind switch
        {
            "web" => Web.Mint(ResourceNames.Catalog,
                [new(TokenClaims.Subject, "u-1"), new(TokenClaims.Role, Roles.Manager), new(TokenClaims.OnBehalfOf, "u-2")]),
            "service" => Procurement.Mint(ResourceNames.Catalog,
                [new(TokenClaims.Subject, "service:procurement"), new(TokenClaims.OnBehalfOf, "service:catalog")]),
            _ => Procurement.Mint(ResourceNames.Catalog, [new(TokenClaims.Subject, "service:procurement"), new(TokenClaims.OnBehalfOf, " ")]),
        };

        var posted = await PostReceiptAsync(token, item.Id, bin.Id);

        Assert.True(posted.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {posted.StatusCode}");
        Assert.Equal(0m, (await (await fixture.Catalog.CreateClientAs(Roles.Viewer).GetAsync($"/api/items/{item.Id}")).ReadAsync<ItemDetailDto>()).OnHand);
    }

}
