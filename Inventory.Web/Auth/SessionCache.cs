using Inventory.ServiceDefaults.Kit;
using Microsoft.Extensions.Options;

namespace Inventory.Web.Auth;

/// <summary>
/// What the session check last read of a user, kept for <see cref="AuthOptions.SessionCheckSeconds"/> so a person
/// clicking through pages costs one read of the users table per window instead of one per request. Every change
/// this Web makes to a user (the admin's role or activity change, sign-out, the time zone) forgets the user at once,
/// so on this replica it takes effect at the next request; a change made elsewhere (another replica, the admin
/// command) within the window. Only sessions that passed are kept; a refusal is read again every time.
/// </summary>
public sealed class SessionCache(IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly ExpiringMap<Guid, CheckedUser> _users = new(clock);

    /// <summary>The user as last read, when it was read for this stamp within the window.</summary>
    public CheckedUser? Find(Guid userId, Guid stamp) =>
        _users.TryGet(userId, out var user) && user.SecurityStamp == stamp ? user : null;

    public void Keep(Guid userId, CheckedUser user)
    {
        if (Window > TimeSpan.Zero)
            _users.Set(userId, user, Window);
    }

    /// <summary>The user changed: the next request of any of their sessions reads the row again.</summary>
    public void Forget(Guid userId) => _users.Remove(userId);

    private TimeSpan Window => TimeSpan.FromSeconds(options.Value.SessionCheckSeconds);
}

/// <summary>The fields of a user row the session check needs.</summary>
public sealed record CheckedUser(Guid SecurityStamp, string Role, string? TimeZone);
