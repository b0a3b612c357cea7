using Inventory.Web.Data;
using Inventory.Web.Users;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Web.Auth;

/// <summary>
/// Checks every cookie-authenticated request against the user store, so a cookie is only as good as the
/// server says: its security stamp must still be the user's (sign-out, deactivation and a role change give
/// the user a new one, ending every session issued before), the user must be active, and no session outlives
/// the absolute lifetime however active it is (the cookie's sliding expiry handles the idle timeout).
/// The reading of the user is reused for a few seconds (<see cref="SessionCache"/>, docs/security.md has the window);
/// the absolute lifetime is checked on every request.
/// A refused session is signed out and the person is sent to sign in (told why, when their account was deactivated).
/// </summary>
public sealed class SessionValidator(WebDbContext db, SessionCache cache, IOptions<AuthOptions> options, TimeProvider clock) : RelativeRedirects
{
    private const string DeactivatedKey = "session-deactivated";

    /// <summary>A session ended by deactivation lands on the sign-in page saying so, not silently on the bare form.</summary>
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.HttpContext.Items[DeactivatedKey] is string message)
            context.RedirectUri = QueryHelpers.AddQueryString(context.RedirectUri, "error", message);
        return base.RedirectToLogin(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal!;
        var signedInAt = AppClaims.SignedInTime(principal);
        var userId = AppClaims.UserId(principal);
        var stamp = AppClaims.SecurityStampOf(principal);
        var expired = signedInAt is null || clock.GetUtcNow() - signedInAt > TimeSpan.FromHours(options.Value.AbsoluteLifetimeHours);
        if (userId is { } id && stamp is { } current && !expired && cache.Find(id, current) is { } known && principal.IsInRole(known.Role))
        {
            context.HttpContext.Items[ViewerTimeZone.ItemKey] = ViewerTimeZone.Find(known.TimeZone);
            return;
        }
        var user = userId is null || stamp is null || expired
            ? null
            : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, context.HttpContext.RequestAborted);

        // The role check is a second line: every role change also changes the stamp.
        if (user is not { IsActive: true } || user.SecurityStamp != stamp || !principal.IsInRole(user.Role))
        {
            if (user is { IsActive: false })
                context.HttpContext.Items[DeactivatedKey] = await DeactivatedAccount.MessageAsync(db, user.Email, context.HttpContext.RequestAborted);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        cache.Keep(user.Id, new CheckedUser(user.SecurityStamp, user.Role, user.TimeZone));
        // The row is read here anyway: the page renders its times in the zone the user's browser reported.
        context.HttpContext.Items[ViewerTimeZone.ItemKey] = ViewerTimeZone.Find(user.TimeZone);
    }
}
