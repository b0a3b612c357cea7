using Inventory.ServiceDefaults.Security;
using Inventory.Web.Data;
using Inventory.Web.Users;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Web.Pages.Admin;

/// <summary>Admins list users, change their roles and deactivate them, and see who changed whom (folder policy: Admin only).</summary>
public sealed class UsersModel(WebDbContext db, AuditTrail audit, UserNames names) : PageModel
{
    public const int HistorySize = 50;

    public IReadOnlyList<AppUser> Users { get; private set; } = [];
    public IReadOnlyList<string> RoleChoices => Roles.All;
    public string? Message { get; private set; }
    public AuditHistory? History { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRoleAsync(Guid id, string role, uint version, CancellationToken ct)
    {
        if (!Roles.IsKnown(role))
            ModelState.AddModelError($"role-{id}", "Choose one of the roles.");
        return await ChangeAsync(id, version, AuditActions.Update, user => user.ChangeRole(role), ct);
    }

    public Task<IActionResult> OnPostActiveAsync(Guid id, bool active, uint version, CancellationToken ct) =>
        ChangeAsync(id, version, active ? UserAudit.Activate : UserAudit.Deactivate, user => user.SetActive(active), ct);

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

        var before = UserAudit.Fields(user);
        db.Entry(user).Property(u => u.Version).OriginalValue = version;
        change(user);
        audit.Record(db, UserAudit.EntityType, user.Id, action, before, UserAudit.Fields(user));
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
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == UserAudit.EntityType)
            .OrderByDescending(e => e.Id).Take(HistorySize).ToListAsync(ct);
        await names.LoadAsync(entries.Select(e => e.UserId), ct);
        var emails = Users.ToDictionary(u => u.Id, u => u.Email);
        History = new AuditHistory($"{UserAudit.EntityType}-history", entries.Select(AuditEntryDto.From).ToList(), null, names,
            id => emails.GetValueOrDefault(id, id.ToString()));
    }
}
