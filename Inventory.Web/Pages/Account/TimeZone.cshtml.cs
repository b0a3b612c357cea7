using Inventory.Web.Auth;
using Inventory.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Web.Pages.Account;

/// <summary>
/// Where the browser reports the signed-in user's time zone (wwwroot/js/time-zone.js, once per session): stored on the user,
/// so every page shows times in it. Only a zone this machine knows is taken; anything else is a 400 naming the field.
/// </summary>
public sealed class TimeZoneModel(WebDbContext db, SessionCache sessions) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(string? timeZone, CancellationToken ct)
    {
        if (ViewerTimeZone.Find(timeZone) is null)
            return BadRequest(new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                ["timeZone"] = ["Not a time zone this server knows."],
            }));
        var userId = AppClaims.UserId(User);
        // One atomic update of this column only: it must not collide with an admin's edit of the same user (its version).
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZone, timeZone), ct);
        if (userId is { } id)
            sessions.Forget(id);
        return new NoContentResult();
    }
}
