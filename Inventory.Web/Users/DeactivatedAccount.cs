using Inventory.ServiceDefaults.Security;
using Inventory.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Web.Users;

/// <summary>What a deactivated person reads on the sign-in page — at sign-in, or when their open session is ended — and whom to ask.</summary>
public static class DeactivatedAccount
{
    /// <summary>Names a few active admins (by e-mail), so the person knows whom to ask.</summary>
    public static async Task<string> MessageAsync(WebDbContext db, string email, CancellationToken ct)
    {
        var admins = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Role == Roles.Admin).OrderBy(u => u.Email)
            .Select(u => u.Email).Take(3).ToListAsync(ct);
        var whom = admins.Count == 0 ? "an administrator" : $"an administrator ({string.Join(", ", admins)})";
        return $"Your account {email} has been deactivated. Ask {whom} to activate it again.";
    }
}
