using System.Collections.Concurrent;
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
    /// <summary>Beyond this many users the expired entries are dropped, so the cache cannot grow without bound.</summary>
    private const int TrimAbove = 10_000;

    private readonly ConcurrentDictionary<Guid, Entry> _users = new();

    /// <summary>The user as last read, when it was read for this stamp within the window.</summary>
    public CheckedUser? Find(Guid userId, Guid stamp)
    {
        if (!_users.TryGetValue(userId, out var entry))
            return null;
        if (entry.User.SecurityStamp == stamp && clock.GetUtcNow() - entry.ReadAt < Window)
            return entry.User;
        return null;
    }

    public void Keep(Guid userId, CheckedUser user)
    {
        if (Window <= TimeSpan.Zero)
            return;
        var now = clock.GetUtcNow();
        if (_users.Count >= TrimAbove)
        {
            foreach (var (id, old) in _users)
                if (now - old.ReadAt >= Window)
                    _users.TryRemove(id, out _);
        }
        _users[userId] = new Entry(user, now);
    }

    /// <summary>The user changed: the next request of any of their sessions reads the row again.</summary>
    public void Forget(Guid userId) => _users.TryRemove(userId, out _);

    private TimeSpan Window => TimeSpan.FromSeconds(options.Value.SessionCheckSeconds);

    private sealed record Entry(CheckedUser User, DateTimeOffset ReadAt);
}

/// <summary>The fields of a user row the session check needs.</summary>
public sealed record CheckedUser(Guid SecurityStamp, string Role, string? TimeZone);
