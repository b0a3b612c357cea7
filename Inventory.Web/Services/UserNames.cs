using Inventory.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Web.Services;

/// <summary>
/// The services record who acted by user id (the token's subject); people want e-mail addresses. Ids that are
/// not users of this app (a service identity, a deleted user) are shown as they are.
/// </summary>
public sealed class UserNames(WebDbContext db)
{
    private readonly Dictionary<string, string> _known = [];

    public async Task LoadAsync(IEnumerable<string?> userIds, CancellationToken ct)
    {
        var ids = userIds.Where(id => id is not null && !_known.ContainsKey(id))
            .Select(id => Guid.TryParse(id, out var guid) ? guid : (Guid?)null).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
            return;
        foreach (var user in await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToListAsync(ct))
            _known[user.Id.ToString()] = user.Email;
    }

    /// <summary>The user id of the person with <paramref name="email"/> (regardless of case), or null when there is none.</summary>
    public async Task<string?> IdOfAsync(string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var id = await db.Users.AsNoTracking().Where(u => u.Email.ToLower() == normalized).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        return id?.ToString();
    }

    public string Of(string? userId) => userId is null ? "" : _known.GetValueOrDefault(userId, userId);
}
