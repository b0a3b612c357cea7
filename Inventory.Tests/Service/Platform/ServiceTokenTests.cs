using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Platform;

[Collection(PlatformCollection.Name)]
public sealed class ServiceTokenTests(ServicesFixture fixture)
{
    private async Task<HttpStatusCode> ListItemsWithAsync(string token)
    {
        var client = fixture.Catalog.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/api/items")).StatusCode;
    }

    private static Claim[] Viewer => [new(TokenClaims.Subject, "u"), new(TokenClaims.Role, Roles.Viewer)];

    [Fact]
    public async Task A_valid_user_token_for_this_service_is_accepted() =>
        Assert.Equal(HttpStatusCode.OK, await ListItemsWithAsync(fixture.Tokens.UserToken(ResourceNames.Catalog, Roles.Viewer)));

    [Fact]
    public async Task A_token_for_another_service_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await ListItemsWithAsync(fixture.Tokens.UserToken(ResourceNames.Procurement, Roles.Admin)));

    [Fact]
    public async Task A_token_signed_with_an_unknown_key_is_refused()
    {
        var stranger = new TokenMinter(TokenClaims.UserIssuer, SigningKeys.Generate().PrivateKeyPem, TimeProvider.System);

        Assert.Equal(HttpStatusCode.Unauthorized, await ListItemsWithAsync(stranger.Mint(ResourceNames.Catalog, Viewer)));
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var past = new FixedClock(DateTimeOffset.UtcNow - TokenMinter.Lifetime - TimeSpan.FromMinutes(2));
        var expired = new TokenMinter(TokenClaims.UserIssuer, fixture.Tokens.Web.PrivateKeyPem, past);

        Assert.Equal(HttpStatusCode.Unauthorized, await ListItemsWithAsync(expired.Mint(ResourceNames.Catalog, Viewer)));
    }

    [Fact]
    public async Task A_service_key_cannot_mint_a_user_with_roles()
    {
        // Procurement's key, but claiming Web's issuer: the signature does not match Web's key.
        var forged = new TokenMinter(TokenClaims.UserIssuer, fixture.Tokens.Procurement.PrivateKeyPem, TimeProvider.System);
        Assert.Equal(HttpStatusCode.Unauthorized, await ListItemsWithAsync(forged.Mint(ResourceNames.Catalog, Viewer)));

        // Procurement's key under its own issuer: roles in the token are dropped, so it may read but not manage.
        var asService = new TokenMinter(TokenClaims.ServiceIssuer(ResourceNames.Procurement), fixture.Tokens.Procurement.PrivateKeyPem, TimeProvider.System);
        var client = fixture.Catalog.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            asService.Mint(ResourceNames.Catalog, [new(TokenClaims.Subject, "x"), new(TokenClaims.Role, Roles.Admin)]));
        var create = await client.PostAsync("/api/items", new StringContent("""{"sku":"S-1","name":"n","unit":"each"}""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task Anonymous_calls_get_401_and_health_stays_open()
    {
        var client = fixture.Catalog.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/items")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(HealthEndpoints.HealthPath)).StatusCode);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
