using Microsoft.AspNetCore.Mvc;

namespace Inventory.Web.Auth;

/// <summary>
/// Web's other cookies — anti-forgery and TempData (a page's one-time message) — held to the session cookie's
/// rules: Secure (browsers keep Secure cookies on http://localhost, so local runs over HTTP still work), never
/// readable by script, and <c>__Host-</c>-prefixed so no sibling host or path can plant or overwrite them. Only the
/// gateway is public and it forwards the browser's own host, so host-only cookies reach Web unchanged.
/// </summary>
public static class SecureCookies
{
    public const string AntiforgeryName = "__Host-Inventory-Antiforgery";
    public const string TempDataName = "__Host-Inventory-Message";

    public static void AddSecureCookies(this IServiceCollection services)
    {
        services.AddAntiforgery(antiforgery => antiforgery.Cookie = new AlwaysSecureCookie
        {
            Name = AntiforgeryName,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
        services.Configure<CookieTempDataProviderOptions>(tempData =>
        {
            tempData.Cookie.Name = TempDataName;
            tempData.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            tempData.Cookie.Path = "/";
        });
    }

    /// <summary>
    /// Secure whatever the request's scheme. Antiforgery's own <c>SecurePolicy = Always</c> refuses every request that
    /// is not HTTPS (a 500), and Web is reached over plain HTTP both behind a plain-HTTP gateway and in tests, so the
    /// policy stays "same as request" (which passes that check) and the flag is set here, as the session cookie's is.
    /// </summary>
    private sealed class AlwaysSecureCookie : CookieBuilder
    {
        public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
        {
            var options = base.Build(context, expiresFrom);
            options.Secure = true;
            return options;
        }
    }
}
