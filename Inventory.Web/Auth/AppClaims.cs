using System.Globalization;
using System.Security.Claims;
using Inventory.ServiceDefaults.Security;
using Inventory.Web.Users;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Inventory.Web.Auth;

/// <summary>
/// The claims of a signed-in session: our user id (not Google's), e-mail, role, when the session began, and the
/// user's security stamp at that moment (a later stamp ends the session).
/// </summary>
public static class AppClaims
{
    public const string SignedInAt = "signed_in_at";
    public const string SecurityStamp = "security_stamp";

    public static ClaimsPrincipal Principal(AppUser user, DateTimeOffset signedInAt) => new(new ClaimsIdentity(
    [
        new Claim(TokenClaims.Subject, user.Id.ToString()),
        new Claim(TokenClaims.Email, user.Email),
        new Claim(TokenClaims.Name, user.DisplayName ?? user.Email),
        new Claim(TokenClaims.Role, user.Role),
        new Claim(SignedInAt, signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        new Claim(SecurityStamp, user.SecurityStamp.ToString("N")),
    ], CookieAuthenticationDefaults.AuthenticationScheme, TokenClaims.Email, TokenClaims.Role));

    public static Guid? UserId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(TokenClaims.Subject)?.Value, out var id) ? id : null;

    public static DateTimeOffset? SignedInTime(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(SignedInAt)?.Value, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static Guid? SecurityStampOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(SecurityStamp)?.Value, out var stamp) ? stamp : null;
}
