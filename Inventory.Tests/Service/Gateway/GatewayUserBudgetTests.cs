using System.Net;
using System.Security.Claims;
using Inventory.ServiceDefaults.Security;

namespace Inventory.Tests.Service.Gateway;

/// <summary>
/// Budgets per signed-in user on an in-process gateway: every client here connects from 127.0.0.1, as all
/// clients do behind the local proxy or a cloud ingress. Budgets are tiny with an hour-long window, so nothing
/// refills during a test.
/// </summary>
public sealed class GatewayUserBudgetTests
{
    private readonly SigningKeys.KeyPair _web = SigningKeys.Generate();

    private Dictionary<string, string> Settings(int global, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["RateLimiting:Global:PermitLimit"] = global.ToString(),
            ["RateLimiting:Global:Window"] = "01:00:00",
            [ServiceAuthentication.UserPublicKeySetting] = _web.PublicKeyPem,
        };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    private string Pass(string userId, string? privateKeyPem = null, string audience = BudgetPass.Audience, TimeProvider? clock = null) =>
        new TokenMinter(TokenClaims.UserIssuer, privateKeyPem ?? _web.PrivateKeyPem, clock ?? TimeProvider.System)
            .Mint(audience, [new Claim(TokenClaims.Subject, userId)]);

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string? pass = null, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        if (pass is not null)
            request.Headers.Add("Cookie", $"{BudgetPass.CookieName}={pass}");
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Two_users_behind_one_address_have_budgets_of_their_own()
    {
        await using var gateway = await InProcessGateway.StartAsync(Settings(global: 3));
        var client = gateway.CreateClient();
        var (alice, bob) = (Pass("alice"), Pass("bob"));

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, await GetAsync(client, alice));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(client, alice));
        // A fresh pass is the same user, not a fresh budget.
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(client, Pass("alice")));

        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, bob));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client));
    }

    public static TheoryData<string> NotPasses => ["forged", "other-audience", "expired", "garbage", "tampered"];

    [Theory]
    [MemberData(nameof(NotPasses))]
    public async Task A_pass_that_does_not_verify_spends_the_address_budget(string kind)
    {
        await using var gateway = await InProcessGateway.StartAsync(Settings(global: 2));
        var client = gateway.CreateClient();
        var valid = Pass("mallory");
        var pass = kind switch
        {
            "forged" => Pass("mallory", privateKeyPem: SigningKeys.Generate().PrivateKeyPem),
            "other-audience" => Pass("mallory", audience: "catalog"),
            "expired" => Pass("mallory", clock: new FixedClock(DateTimeOffset.UtcNow.AddHours(-1))),
            "garbage" => "not-a-token",
            _ => Tampered(valid),
        };
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, await GetAsync(client));

        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(client, pass));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, valid));
    }

    /// <summary>The same signature over a payload naming another user.</summary>
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]));
        parts[1] = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload.Replace("mallory", "someone"));
        return string.Join('.', parts);
    }

    [Fact]
    public async Task A_pass_that_runs_out_on_a_kept_alive_connection_stops_counting_as_its_user()
    {
        await using var gateway = await InProcessGateway.StartAsync(Settings(global: 2));
        var client = gateway.CreateClient(); // one keep-alive connection, one pass: its signature is believed after the first check
        // Accepted (expiry plus the 30 s clock skew) for about two more seconds.
        var minted = DateTimeOffset.UtcNow - TokenMinter.Lifetime - TimeSpan.FromSeconds(28);
        var pass = Pass("alice", clock: new FixedClock(minted));
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, await GetAsync(client));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, pass));

        while (DateTimeOffset.UtcNow < minted + TokenMinter.Lifetime + TimeSpan.FromSeconds(31))
            await Task.Delay(100);

        // Alice has a request left; the address has none, and the pass is no longer hers.
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(client, pass));
    }

    [Fact]
    public async Task Without_Webs_public_key_passes_are_ignored()
    {
        await using var gateway = await InProcessGateway.StartAsync(Settings(global: 1, (ServiceAuthentication.UserPublicKeySetting, "")));
        var client = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, Pass("alice")));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(client, Pass("bob")));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_reported_client_address_has_its_own_budget()
    {
        await using var gateway = await InProcessGateway.StartAsync(Settings(global: 1, ("ForwardedHeaders:KnownProxies:0", "127.0.0.1")));
        var proxy = gateway.CreateClient(IPAddress.Parse("127.0.0.1"));
        var untrusted = gateway.CreateClient(IPAddress.Parse("127.0.0.2"));

        Assert.Equal(HttpStatusCode.OK, await GetAsync(proxy, forwardedFor: "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(proxy, forwardedFor: "203.0.113.1"));
        // Only the last hop counts: what the client wrote before the proxy's entry is not its address.
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(proxy, forwardedFor: "198.51.100.9, 203.0.113.1"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(proxy, forwardedFor: "203.0.113.2"));

        // A peer that is not a trusted proxy cannot choose its address.
        Assert.Equal(HttpStatusCode.OK, await GetAsync(untrusted, forwardedFor: "203.0.113.3"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsync(untrusted, forwardedFor: "203.0.113.4"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
