using Inventory.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Web.Auth;

/// <summary>
/// Checks every cookie-authenticated request against the user store: a deactivated user's session stops at
/// their next request, a role change applies at once, and no session outlives the absolute lifetime however
/// active it is (the cookie's sliding expiry handles the idle timeout).
/// </summary>
public sealed class SessionValidator(WebDbContext db, IOptions<AuthOptions> options, TimeProvider clock) : RelativeRedirects
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal!;
        var signedInAt = AppClaims.SignedInTime(principal);
        var userId = AppClaims.UserId(principal);
        var expired = signedInAt is null || clock.GetUtcNow() - signedInAt > TimeSpan.FromHours(options.Value.AbsoluteLifetimeHours);
        var user = userId is null || expired
            ? null
            : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, context.HttpContext.RequestAborted);

        if (user is not { IsActive: true })
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (!principal.IsInRole(user.Role))
        {
            context.ReplacePrincipal(AppClaims.Principal(user, signedInAt!.Value));
            context.ShouldRenew = true;
        }
    }
}
