using Inventory.ServiceDefaults.Security;
using Inventory.Web.Data;
using Inventory.Web.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Web.Pages.Admin;

/// <summary>Admins list users, change their roles and deactivate them (folder policy: Admin only).</summary>
public sealed class UsersModel(WebDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AppUser> Users { get; private set; } = [];
    public IReadOnlyList<string> RoleChoices => Roles.All;
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRoleAsync(Guid id, string role, uint version, CancellationToken ct)
    {
        if (!Roles.IsKnown(role))
            ModelState.AddModelError($"role-{id}", "Choose one of the roles.");
        return await ChangeAsync(id, version, "role-changed", user => user.Role = role, ct);
    }

    public Task<IActionResult> OnPostActiveAsync(Guid id, bool active, uint version, CancellationToken ct) =>
        ChangeAsync(id, version, active ? "activated" : "deactivated", user => user.IsActive = active, ct);

    private async Task<IActionResult> ChangeAsync(Guid id, uint version, string action, Action<AppUser> change, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
            return NotFound();
        if (user.Id.ToString() == User.FindFirst(TokenClaims.Subject)?.Value)
            ModelState.AddModelError($"role-{id}", "You cannot change your own role or deactivate yourself.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var before = UserDirectory.Snapshot(user);
        db.Entry(user).Property(u => u.Version).OriginalValue = version;
        change(user);
        db.UserAudit.Add(UserDirectory.Audit(user, action, User.Identity!.Name!, before, UserDirectory.Snapshot(user), clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError($"role-{id}", "Someone else changed this user meanwhile; the list now shows their change.");
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            return Page();
        }
        TempData["Message"] = $"Saved {user.Email}.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        Users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
    }
}
