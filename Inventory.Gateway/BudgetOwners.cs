using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using System.Net;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Inventory.Gateway;

/// <summary>Whose budget a request spends: a signed-in user's own, or else its client address's.</summary>
public sealed record BudgetOwner(string Key)
{
    public static BudgetOwner User(string userId) => new($"user:{userId}");
    public static BudgetOwner Address(System.Net.IPAddress? address) => new(RateLimiting.ClientKey(address));
}

/// <summary>
/// Finds each request's <see cref="BudgetOwner"/> before the rate limiter runs. A user is known only from a
/// <see cref="BudgetPass"/> that verifies against Web's public key (<c>Auth:UserTokens:PublicKey</c>; without it
/// every budget is per address). The client address is the connection's, or — when the connection comes from
/// a trusted proxy (<c>ForwardedHeaders:KnownProxies</c>/<c>:KnownNetworks</c>, none by default) — the last
/// address that proxy put in X-Forwarded-For.
/// </summary>
public static class BudgetOwners
{
    public static WebApplicationBuilder AddBudgetOwners(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            // Proto too: behind a TLS-terminating ingress the request was HTTPS (HSTS depends on it).
            TrustedProxies.Apply(options, configuration, ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto));
        var publicKey = configuration[ServiceAuthentication.UserPublicKeySetting];
        builder.Services.AddSingleton(new PassCheck(string.IsNullOrWhiteSpace(publicKey) ? null : BudgetPass.Validation(publicKey)));
        return builder;
    }

    /// <summary>Register before the rate limiter (and before request logging, so it logs the client's address).</summary>
    public static WebApplication UseBudgetOwners(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var check = app.Services.GetRequiredService<PassCheck>();
        app.Use(async (context, next) =>
        {
            context.Features.Set(await OwnerAsync(context, check));
            await next(context);
        });
        return app;
    }

    /// <summary>
    /// A browser sends the same pass with every request of a keep-alive connection — each static file too — and an
    /// ES256 check costs more than the rest of the gateway's work on such a request. So the connection remembers its
    /// last answer (<see cref="ConnectionMemo"/>) and reuses it for the same pass from the same address until the
    /// validation would stop accepting the pass. A pass that does not verify is never remembered.
    /// </summary>
    private static async ValueTask<BudgetOwner> OwnerAsync(HttpContext context, PassCheck check)
    {
        var pass = check.Validation is null ? null : context.Request.Cookies[BudgetPass.CookieName];
        var address = context.Connection.RemoteIpAddress;
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        if (ConnectionMemo.Find(items) is { } memo && memo.Fits(pass, address, DateTime.UtcNow))
            return memo.Owner;

        var verified = string.IsNullOrEmpty(pass) ? null : await BudgetPass.VerifyAsync(check.Handler, check.Validation!, pass);
        if (verified is { } user)
            return ConnectionMemo.Keep(items, new(pass, address, BudgetOwner.User(user.User), user.AcceptedUntilUtc));
        var owner = BudgetOwner.Address(address);
        return string.IsNullOrEmpty(pass) ? ConnectionMemo.Keep(items, new(null, address, owner, DateTime.MaxValue)) : owner;
    }

    public static BudgetOwner Of(HttpContext context) =>
        context.Features.Get<BudgetOwner>() ?? BudgetOwner.Address(context.Connection.RemoteIpAddress);

    /// <summary>A connection's last budget owner: for which pass (none: the address's own) and address, and until when.</summary>
    private sealed record ConnectionMemo(string? Pass, IPAddress? Address, BudgetOwner Owner, DateTime UntilUtc)
    {
        private static readonly object Key = new();

        public bool Fits(string? pass, IPAddress? address, DateTime nowUtc) =>
            string.Equals(Pass, pass, StringComparison.Ordinal) && Equals(Address, address) && nowUtc < UntilUtc;

        // HTTP/2 streams of one connection run at once and share its items: the lock keeps the dictionary whole.
        public static ConnectionMemo? Find(IDictionary<object, object?>? items)
        {
            if (items is null)
                return null;
            lock (items)
                return items.TryGetValue(Key, out var memo) ? memo as ConnectionMemo : null;
        }

        public static BudgetOwner Keep(IDictionary<object, object?>? items, ConnectionMemo memo)
        {
            if (items is not null)
                lock (items)
                    items[Key] = memo;
            return memo.Owner;
        }
    }

    private sealed record PassCheck(TokenValidationParameters? Validation)
    {
        public JsonWebTokenHandler Handler { get; } = new();
    }
}
