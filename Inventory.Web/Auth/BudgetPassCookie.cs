using System.Security.Claims;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Inventory.Web.Auth;

/// <summary>
/// Gives a signed-in browser its <see cref="BudgetPass"/>, so the gateway can charge the user's own rate-limit
/// budget rather than the one every user behind the same proxy shares. Set only after the session cookie has
/// been validated (register after authentication), renewed when half its five minutes are gone, and only on
/// pages that need a session: static files are anonymous and may sit in shared caches, which must never hold
/// a Set-Cookie.
/// </summary>
public static class BudgetPassCookie
{
    public static void UseBudgetPass(this WebApplication app)
    {
        var minter = app.Services.GetRequiredService<TokenMinter>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        app.Use((context, next) =>
        {
            var needsSession = context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null;
            if (needsSession && AppClaims.UserId(context.User) is { } userId
                && NeedsRenewal(context.Request.Cookies[BudgetPass.CookieName], clock.GetUtcNow()))
            {
                var pass = minter.Mint(BudgetPass.Audience, [new Claim(TokenClaims.Subject, userId.ToString())]);
                context.Response.Cookies.Append(BudgetPass.CookieName, pass, new CookieOptions
                {
                    Secure = true,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Path = "/",
                    MaxAge = TokenMinter.Lifetime,
                });
            }
            return next(context);
        });
    }

    /// <summary>Read without checking the signature: a forged pass only costs its holder the renewal.</summary>
    private static bool NeedsRenewal(string? pass, DateTimeOffset now) =>
        string.IsNullOrEmpty(pass) || pass.Length > BudgetPass.MaxLength || !Reader.CanReadToken(pass)
        || now - new JsonWebToken(pass).IssuedAt > BudgetPass.RenewAfter;

    private static readonly JsonWebTokenHandler Reader = new();
}
