using Inventory.ServiceDefaults.Security;
using Inventory.Web.Auth;
using Inventory.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Inventory.Web.Users;

public enum AdminGrant { Promoted, Provisioned, AlreadyAdmin }

/// <summary>Decides who may sign in, provisions users at first sign-in, records role changes, and ends sessions at sign-out.</summary>
public sealed class UserDirectory(WebDbContext db, IOptions<AuthOptions> options, TimeProvider clock, SessionCache sessions, ILogger<UserDirectory> logger)
{
    /// <summary>
    /// Admits a person the identity provider vouched for, or says why not. <paramref name="hostedDomain"/> is
    /// the provider's verified Workspace domain (Google's <c>hd</c> claim), not a hint from the request.
    /// </summary>
    public async Task<(AppUser? User, SignInRefusal? Refusal)> SignInAsync(
        string? email, bool emailVerified, string? hostedDomain, string? displayName, CancellationToken ct)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(email) || !emailVerified)
            return Refuse("The identity provider did not give a verified e-mail address.", email);

        email = email.Trim().ToLowerInvariant();
        if (settings.AllowedDomains.Length > 0 &&
            !settings.AllowedDomains.Any(d => string.Equals(d.Trim(), hostedDomain, StringComparison.OrdinalIgnoreCase)))
            return Refuse("Your account's organisation is not allowed to use this Inventory.", email);
        if (settings.AllowedEmails.Length > 0 &&
            !settings.AllowedEmails.Any(e => string.Equals(e.Trim(), email, StringComparison.OrdinalIgnoreCase)))
            return Refuse("Your account is not on this Inventory's list of users.", email);

        var user = await ProvisionAsync(email, displayName, roleForNewUser: null, ct);
        return user.IsActive ? (user, null) : await DeactivatedAsync(email, ct);
    }

    /// <summary>Development sign-in: the person chooses the e-mail and role — but a deactivated account stays out, as with Google.</summary>
    public async Task<(AppUser? User, SignInRefusal? Refusal)> DevelopmentSignInAsync(string email, string role, CancellationToken ct)
    {
        email = email.Trim().ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.Email == email && !u.IsActive, ct))
            return await DeactivatedAsync(email, ct);
        return (await ProvisionAsync(email, null, role, ct), null);
    }

    private async Task<(AppUser?, SignInRefusal?)> DeactivatedAsync(string email, CancellationToken ct) =>
        Refuse(await DeactivatedAccount.MessageAsync(db, email, ct), email);

    private async Task<AppUser> ProvisionAsync(string email, string? displayName, string? roleForNewUser, CancellationToken ct)
    {
        var now = clock.DatabaseNow();
        var isAdmin = options.Value.AdminEmails.Any(a => string.Equals(a.Trim(), email, StringComparison.OrdinalIgnoreCase));
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
        {
            user = new AppUser
            {
                Email = email,
                DisplayName = displayName,
                Role = isAdmin ? Roles.Admin : roleForNewUser ?? DefaultRole(),
                CreatedAt = now,
            };
            db.Users.Add(user);
            db.AuditEntries.Add(UserAudit.BySignIn(user, null, now));
        }
        else
        {
            var before = UserAudit.Fields(user);
            if (isAdmin)
                user.ChangeRole(Roles.Admin);
            else if (roleForNewUser is not null)
                user.ChangeRole(roleForNewUser);
            if (!string.IsNullOrWhiteSpace(displayName))
                user.DisplayName = displayName;
            if (UserAudit.BySignIn(user, before, now) is { HasChanges: true } change)
                db.AuditEntries.Add(change);
        }
        user.LastSignInAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
            // A sign-in may change the role (an admin e-mail): the user's older sessions are checked afresh.
            sessions.Forget(user.Id);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same person's first sign-in in two tabs at once: the other one created the row.
            db.ChangeTracker.Clear();
            return await db.Users.FirstAsync(u => u.Email == email, ct);
        }
        return user;
    }

    /// <summary>
    /// Makes <paramref name="email"/> an active Admin (the <c>admin grant</c> command: the first admin, or a lock-out):
    /// promotes and reactivates the user, or pre-provisions one, so that the first sign-in with that e-mail is an Admin.
    /// Audited like a role change on the users page, with <paramref name="actor"/> as who acted; a change of role or
    /// of activity ends the user's sessions, as there. Changes nothing when the user already is an active Admin.
    /// </summary>
    public async Task<AdminGrant> GrantAdminAsync(string email, string actor, CancellationToken ct)
    {
        var now = clock.DatabaseNow();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        AuditEntry entry;
        if (user is null)
        {
            user = new AppUser { Email = email, Role = Roles.Admin, CreatedAt = now };
            db.Users.Add(user);
            entry = AuditDiff.Entry(UserAudit.EntityType, user.Id, AuditActions.Create, actor, now, null, UserAudit.Fields(user));
        }
        else
        {
            var before = UserAudit.Fields(user);
            user.ChangeRole(Roles.Admin);
            user.SetActive(true);
            entry = AuditDiff.Entry(UserAudit.EntityType, user.Id, AuditActions.Update, actor, now, before, UserAudit.Fields(user));
            if (!entry.HasChanges)
                return AdminGrant.AlreadyAdmin;
        }
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        sessions.Forget(user.Id);
        logger.LogWarning("{Actor} made {Email} an Admin ({Grant})", actor, email, entry.Action);
        return entry.Action == AuditActions.Create ? AdminGrant.Provisioned : AdminGrant.Promoted;
    }

    /// <summary>
    /// Ends every session of the user (sign-out): one atomic update of the stamp, so a sign-in or an admin's edit
    /// of the same row at that moment cannot make it fail or undo it.
    /// </summary>
    public async Task EndSessionsAsync(Guid userId, CancellationToken ct)
    {
        var stamp = AppUser.NewSecurityStamp();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), ct);
        sessions.Forget(userId);
        logger.LogInformation("User {UserId} signed out; their sessions end", userId);
    }

    /// <summary>An e-mail address as sign-in stores it (trimmed, lower case), or null when it is not one.</summary>
    public static string? NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim().ToLowerInvariant();
        return trimmed is { Length: > 0 and <= MaxEmailLength } && System.Net.Mail.MailAddress.TryCreate(trimmed, out var address) &&
            address.Address == trimmed && address.DisplayName.Length == 0 ? trimmed : null;
    }

    public const int MaxEmailLength = 254;

    private string DefaultRole() => Roles.IsKnown(options.Value.DefaultRole) ? options.Value.DefaultRole : Roles.Viewer;

    private (AppUser?, SignInRefusal?) Refuse(string reason, string? email)
    {
        logger.LogWarning("Sign-in refused for {Email}: {Reason}", email, reason);
        return (null, new SignInRefusal(reason));
    }
}
