using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
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

    private static async ValueTask<BudgetOwner> OwnerAsync(HttpContext context, PassCheck check)
    {
        var user = check.Validation is null
            ? null
            : await BudgetPass.UserAsync(check.Handler, check.Validation, context.Request.Cookies[BudgetPass.CookieName]);
        return user is null ? BudgetOwner.Address(context.Connection.RemoteIpAddress) : BudgetOwner.User(user);
    }

    public static BudgetOwner Of(HttpContext context) =>
        context.Features.Get<BudgetOwner>() ?? BudgetOwner.Address(context.Connection.RemoteIpAddress);

    private sealed record PassCheck(TokenValidationParameters? Validation)
    {
        public JsonWebTokenHandler Handler { get; } = new();
    }
}
