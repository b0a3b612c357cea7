using Inventory.ServiceDefaults.Security;
using Inventory.Web.Auth;
using Inventory.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Web.Users;

public enum UserChangeResult { Saved, NotFound, Stale, LastAdmin }

/// <summary>
/// An admin's change of a user's role or activity (the users page), audited, and never one that leaves no active Admin.
/// Every active Admin's row is locked before the check, so two admins demoting or deactivating each other at the same
/// moment are serialised: the second sees the first's change and is refused instead of leaving nobody to administer.
/// </summary>
public sealed class UserAdministration(WebDbContext db, AuditTrail audit, SessionCache sessions)
{
    /// <summary>For tests of the race: runs after the admins are locked and counted, before the change is saved.</summary>
    public Func<CancellationToken, Task>? AfterAdminsCounted { get; init; }

    public Task<(UserChangeResult Result, string? Email)> ChangeAsync(Guid id, uint version, string action, Action<AppUser> change,
        CancellationToken ct) => db.InTransactionAsync<(UserChangeResult, string?)>(async tx =>
    {
        var admins = await db.SqlRowsAsync<ActiveAdmin>($"SELECT id FROM users WHERE role = {Roles.Admin} AND is_active FOR UPDATE", ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
            return (UserChangeResult.NotFound, null);
        var before = UserAudit.Fields(user);
        db.Entry(user).Property(u => u.Version).OriginalValue = version;
        change(user);
        if (AfterAdminsCounted is { } pause)
            await pause(ct);
        if (admins.Contains(new ActiveAdmin(user.Id)) && !(user.IsActive && user.Role == Roles.Admin) && admins.Count == 1)
            return (UserChangeResult.LastAdmin, user.Email);
        audit.Record(db, UserAudit.EntityType, user.Id, action, before, UserAudit.Fields(user));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (UserChangeResult.Stale, user.Email);
        }
        await tx.CommitAsync(ct);
        // After the commit: a request in between reads the old row again and would keep it.
        sessions.Forget(user.Id);
        return (UserChangeResult.Saved, user.Email);
    }, ct);

    private sealed record ActiveAdmin(Guid Id);
}
