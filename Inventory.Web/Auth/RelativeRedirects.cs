using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Inventory.Web.Auth;

/// <summary>
/// The cookie handler builds its redirects (to sign-in, access denied, after sign-in and sign-out) as absolute
/// URLs from the request's scheme and Host. Sent as paths instead, they cannot point a browser at a host a
/// request named: the browser resolves them against the address it is already on.
/// </summary>
public class RelativeRedirects : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        base.RedirectToLogin(MadeRelative(context));

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        base.RedirectToAccessDenied(MadeRelative(context));

    public override Task RedirectToLogout(RedirectContext<CookieAuthenticationOptions> context) =>
        base.RedirectToLogout(MadeRelative(context));

    public override Task RedirectToReturnUrl(RedirectContext<CookieAuthenticationOptions> context) =>
        base.RedirectToReturnUrl(MadeRelative(context));

    private static RedirectContext<CookieAuthenticationOptions> MadeRelative(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.RedirectUri = PathOf(context.RedirectUri);
        return context;
    }

    /// <summary>The path and query of <paramref name="uri"/>; "/" for anything a browser would read as another host.</summary>
    public static string PathOf(string uri)
    {
        var path = Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.PathAndQuery + absolute.Fragment
            : uri;
        return path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
            ? path
            : "/";
    }
}
