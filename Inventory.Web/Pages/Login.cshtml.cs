using Inventory.ServiceDefaults.Security;
using Inventory.Web.Auth;
using Inventory.Web.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Web.Pages;

[AllowAnonymous]
public sealed class LoginModel(SignInMode mode, UserDirectory users, TimeProvider clock) : PageModel
{
    public SignInMode Mode => mode;
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public DevSignInForm Dev { get; set; } = new();

    public IReadOnlyList<string> RoleChoices => Roles.All;

    public void OnGet(string? error) => Error = error;

    public IActionResult OnPostGoogle()
    {
        if (!mode.Google)
            return NotFound();
        return Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, WebAuthentication.GoogleScheme);
    }

    public async Task<IActionResult> OnPostDevAsync(CancellationToken ct)
    {
        // The development form exists only in Development with Google unconfigured; anywhere else it is not there at all.
        if (!mode.Development)
            return NotFound();
        if (!Roles.IsKnown(Dev.Role))
            ModelState.AddModelError("Dev.Role", "Choose one of the roles.");
        if (!ModelState.IsValid)
            return Page();

        var (user, refusal) = await users.DevelopmentSignInAsync(Dev.Email!, Dev.Role!, ct);
        if (user is null)
        {
            Error = refusal!.Reason;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AppClaims.Principal(user, clock.GetUtcNow()));
        return LocalRedirect(SafeReturnUrl());
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/dashboard";
}
