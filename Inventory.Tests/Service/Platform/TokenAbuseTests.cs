using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Inventory.CatalogService.Items;
using Inventory.CatalogService.Locations;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Service.Catalog;

namespace Inventory.Tests.Service.Platform;

/// <summary>
/// Tokens signed with a real key but shaped to abuse it: a user token posing as a service, tokens that live
/// too long, tokens without a subject. Each is a 401 (never a 500), and nothing is written.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TokenAbuseTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly CatalogTestData _data = new(fixture);
    private ItemDto _item = null!;
    private LocationDto _location = null!;

    public async Task InitializeAsync()
    {
        await _data.ResetAsync();
        _item = await _data.ItemAsync("TOKEN-ITEM");
        _location = await _data.WarehouseAsync("TOKEN-DOCK");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static DateTime Now => DateTime.UtcNow;

    private string UserToken(Claim[] claims, DateTime? issuedAt, DateTime? notBefore, DateTime expires) =>
        TestTokens.Crafted(fixture.Tokens.Web, TokenClaims.UserIssuer, ResourceNames.Catalog, claims, issuedAt, notBefore, expires);

    private string ServiceToken(Claim[] claims, DateTime? issuedAt, DateTime? notBefore, DateTime expires) =>
        TestTokens.Crafted(fixture.Tokens.Procurement, TokenClaims.ServiceIssuer(ResourceNames.Procurement), ResourceNames.Catalog,
            claims, issuedAt, notBefore, expires);

    private static Claim[] Claims(params (string Type, string Value)[] claims) => claims.Select(c => new Claim(c.Type, c.Value)).ToArray();

    private async Task<HttpResponseMessage> PostReceiptAsync(string token)
    {
        var client = fixture.Catalog.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsJsonAsync("/api/receipts",
            new { receiptLineId = Guid.NewGuid(), itemId = _item.Id, locationId = _location.Id, quantity = 5, reference = "PO-FORGED" });
    }

    private async Task<HttpStatusCode> CreateCategoryAsync(string token)
    {
        var client = fixture.Catalog.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.PostAsJsonAsync("/api/categories", new { name = $"C-{Guid.NewGuid():N}" })).StatusCode;
    }

    private async Task AssertNothingBookedAsync()
    {
        Assert.Equal(0, await _data.OnHandAsync(_item.Id, _location.Id));
        Assert.Equal(0, await _data.ScalarAsync<long>("SELECT count(*) FROM movements"));
    }

    [Fact]
    public async Task A_user_token_with_a_service_claim_cannot_post_receipts_and_books_nothing()
    {
        var forged = UserToken(Claims((TokenClaims.Subject, "user-1"), (TokenClaims.Service, ResourceNames.Procurement)), Now, Now, Now.AddMinutes(5));

        var response = await PostReceiptAsync(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingBookedAsync();
    }

    [Fact]
    public async Task A_user_token_with_a_service_subject_is_refused_and_books_nothing()
    {
        var forged = UserToken(Claims((TokenClaims.Subject, TokenClaims.ServiceSubject(ResourceNames.Procurement))), Now, Now, Now.AddMinutes(5));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostReceiptAsync(forged)).StatusCode);
        await AssertNothingBookedAsync();
    }

    [Fact]
    public async Task The_real_service_token_still_books_the_receipt()
    {
        var response = await PostReceiptAsync(fixture.Tokens.ServiceToken(ResourceNames.Catalog));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(5, await _data.OnHandAsync(_item.Id, _location.Id));
    }

    public static TheoryData<string, int, int?, int> TooLongLifetimes => new()
    {
        // name, issued-at, not-before, expires: minutes from now (null: left out)
        { "24 hours", 0, 0, 24 * 60 },
        { "6 minutes", 0, 0, 6 },
        { "issued in the future, no not-before", 24 * 60 - 5, null, 24 * 60 },
        { "short from issue, long from not-before", 24 * 60 - 5, 0, 24 * 60 },
    };

    [Theory]
    [MemberData(nameof(TooLongLifetimes))]
    public async Task A_user_token_living_longer_than_five_minutes_is_refused(string shape, int issuedAt, int? notBefore, int expires)
    {
        var token = UserToken(Claims((TokenClaims.Subject, "user-1"), (TokenClaims.Role, Roles.Manager)),
            Now.AddMinutes(issuedAt), notBefore is { } nbf ? Now.AddMinutes(nbf) : null, Now.AddMinutes(expires));

        Assert.True(await CreateCategoryAsync(token) == HttpStatusCode.Unauthorized, shape);
        Assert.Equal(0, await _data.ScalarAsync<long>("SELECT count(*) FROM categories"));
    }

    [Theory]
    [MemberData(nameof(TooLongLifetimes))]
    public async Task A_service_token_living_longer_than_five_minutes_is_refused(string shape, int issuedAt, int? notBefore, int expires)
    {
        var token = ServiceToken(Claims((TokenClaims.Subject, "service:procurement")),
            Now.AddMinutes(issuedAt), notBefore is { } nbf ? Now.AddMinutes(nbf) : null, Now.AddMinutes(expires));

        Assert.True((await PostReceiptAsync(token)).StatusCode == HttpStatusCode.Unauthorized, shape);
        await AssertNothingBookedAsync();
    }

    [Fact]
    public async Task A_token_without_an_issue_time_is_refused()
    {
        var token = UserToken(Claims((TokenClaims.Subject, "user-1"), (TokenClaims.Role, Roles.Manager)), null, Now, Now.AddMinutes(5));

        Assert.Equal(HttpStatusCode.Unauthorized, await CreateCategoryAsync(token));
    }

    [Fact]
    public async Task A_five_minute_token_is_accepted()
    {
        var token = UserToken(Claims((TokenClaims.Subject, "user-1"), (TokenClaims.Role, Roles.Manager)), Now, Now, Now.AddMinutes(5));

        Assert.Equal(HttpStatusCode.Created, await CreateCategoryAsync(token));
    }

    [Fact]
    public async Task A_manager_token_without_a_subject_is_a_401_not_a_500()
    {
        var token = UserToken(Claims((TokenClaims.Email, "m@example.test"), (TokenClaims.Role, Roles.Manager)), Now, Now, Now.AddMinutes(5));

        Assert.Equal(HttpStatusCode.Unauthorized, await CreateCategoryAsync(token));
        Assert.Equal(0, await _data.ScalarAsync<long>("SELECT count(*) FROM categories"));
    }

    [Fact]
    public async Task A_service_token_without_a_subject_is_refused_and_books_nothing()
    {
        var token = ServiceToken([], Now, Now, Now.AddMinutes(5));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostReceiptAsync(token)).StatusCode);
        await AssertNothingBookedAsync();
    }
}
