using System.Security.Claims;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Inventory.Tests.Unit;

/// <summary>A user's token is signed once and reused while enough of its life is left; other claims get their own.</summary>
public sealed class TokenCacheTests
{
    private static readonly string Key = SigningKeys.Generate().PrivateKeyPem;

    private static Claim[] Viewer(string id) => [new(TokenClaims.Subject, id), new(TokenClaims.Role, Roles.Viewer)];

    [Fact]
    public void The_same_token_is_handed_out_within_its_life_and_a_fresh_one_once_less_than_a_minute_is_left()
    {
        var clock = new ManualClock();
        var tokens = new TokenCache(new TokenMinter(TokenClaims.UserIssuer, Key, clock), clock);

        var first = tokens.Get("catalog", Viewer("ann"));
        clock.Advance(TokenMinter.Lifetime - TokenCache.MinimumRemaining - TimeSpan.FromSeconds(1));
        Assert.Equal(first, tokens.Get("catalog", Viewer("ann")));

        clock.Advance(TimeSpan.FromSeconds(1));
        var renewed = tokens.Get("catalog", Viewer("ann"));
        Assert.NotEqual(first, renewed);
        Assert.Equal(clock.GetUtcNow().UtcDateTime + TokenMinter.Lifetime, new JsonWebToken(renewed).ValidTo, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Another_user_role_or_audience_gets_a_token_of_its_own()
    {
        var clock = new ManualClock();
        var tokens = new TokenCache(new TokenMinter(TokenClaims.UserIssuer, Key, clock), clock);

        var ann = tokens.Get("catalog", Viewer("ann"));
        var annAsManager = tokens.Get("catalog", [new(TokenClaims.Subject, "ann"), new(TokenClaims.Role, Roles.Manager)]);
        var bob = tokens.Get("catalog", Viewer("bob"));
        var annAtProcurement = tokens.Get("procurement", Viewer("ann"));

        Assert.Equal(4, new[] { ann, annAsManager, bob, annAtProcurement }.Distinct().Count());
        Assert.Equal(Roles.Manager, new JsonWebToken(annAsManager).GetClaim(TokenClaims.Role).Value);
        Assert.Equal("procurement", Assert.Single(new JsonWebToken(annAtProcurement).Audiences));
    }
}
