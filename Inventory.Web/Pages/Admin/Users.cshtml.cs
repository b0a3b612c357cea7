using Inventory.ServiceDefaults.Security;
using Inventory.Web.Data;
using Inventory.Web.Users;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Web.Pages.Admin;

/// <summary>
/// Admins find users (e-mail or name), change their roles and deactivate them, and see who changed whom (folder policy:
/// Admin only). The change itself is <see cref="UserAdministration"/>'s: it never leaves the Inventory without an active Admin.
/// </summary>
public sealed class UsersModel(WebDbContext db, UserAdministration administration, UserNames names) : PageModel
{
    public const int HistorySize = 50;
    public const int PageSize = 50;
    private const string Ordering = "email";

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IReadOnlyList<AppUser> Users { get; private set; } = [];
    public PagerModel Pager { get; private set; } = null!;
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
        if (id.ToString() == User.FindFirst(TokenClaims.Subject)?.Value)
            ModelState.AddModelError($"role-{id}", "You cannot change your own role or deactivate yourself; another admin can.");
        if (ModelState.IsValid)
        {
            var (result, email) = await administration.ChangeAsync(id, version, action, change, ct);
            switch (result)
            {
                case UserChangeResult.NotFound:
                    return NotFound();
                case UserChangeResult.Saved:
                    TempData["Message"] = $"Saved {email}.";
                    return RedirectToPage(new { Search });
                case UserChangeResult.LastAdmin:
                    ModelState.AddModelError($"role-{id}", $"{email} is the last active Admin: make someone else an Admin first.");
                    break;
                case UserChangeResult.Stale:
                    ModelState.AddModelError($"role-{id}", "Someone else changed this user meanwhile; the list now shows their change.");
                    break;
            }
        }
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Message = TempData["Message"] as string;
        Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
        var query = db.Users.AsNoTracking();
        if (Search is not null)
        {
            var pattern = Paging.ContainsPattern(Search);
            query = query.Where(u => EF.Functions.ILike(u.Email, pattern, "\\") || EF.Functions.ILike(u.DisplayName ?? "", pattern, "\\"));
        }
        // Keyset by e-mail (unique); a cursor of another list is ignored and the first page shown.
        if (After is not null && Paging.TryDecode(After, Ordering, 1, out var key))
            query = query.Where(u => string.Compare(u.Email, key![0]) > 0);
        else
            After = null;
        var rows = await query.OrderBy(u => u.Email).Take(PageSize + 1).ToListAsync(ct);
        var page = Paging.ToPage(rows, PageSize, u => u, Ordering, u => [u.Email]);
        Users = page.Items;
        Pager = new PagerModel("/Admin/Users", new Dictionary<string, string?> { ["search"] = Search }, After is not null, page.NextCursor);

        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == UserAudit.EntityType)
            .OrderByDescending(e => e.Id).Take(HistorySize).ToListAsync(ct);
        await names.LoadAsync(entries.Select(e => e.UserId), ct);
        var subjects = entries.Select(e => e.EntityId).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => subjects.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        History = new AuditHistory($"{UserAudit.EntityType}-history", entries.Select(AuditEntryDto.From).ToList(), null, names,
            id => emails.GetValueOrDefault(id, id.ToString()));
    }
}
