using Inventory.Web.Auth;
using Inventory.Web.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Web.Pages;

/// <summary>
/// Sign-out is a POST (with an anti-forgery token), so a link or image elsewhere cannot sign you out. It ends the
/// session on the server too: the user's security stamp changes, so a copy of the cookie (and the user's other
/// browsers) are refused from now on — deleting the cookie alone would leave a stolen copy working.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(UserDirectory users) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (AppClaims.UserId(User) is { } userId)
            await users.EndSessionsAsync(userId, ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Login");
    }
}
