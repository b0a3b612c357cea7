using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>
/// Values kept per key until an instant of their own (a reused token, a session check's reading of a user), safe to share
/// between requests. An expired value is never handed out; once the map holds more than <paramref name="trimAbove"/> entries
/// the expired ones are dropped as a new one is added, so many keys cannot grow it without bound. Time is the app's
/// <see cref="TimeProvider"/>, so tests move it (<c>IMemoryCache</c> takes only the obsolete <c>ISystemClock</c>, and
/// allocates an entry object and options per set, which these hot paths do not need).
/// </summary>
public sealed class ExpiringMap<TKey, TValue>(TimeProvider clock, int trimAbove = 10_000, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new(comparer);

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && clock.GetUtcNow() < entry.Until)
        {
            value = entry.Value;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="lifetime"/> from now, replacing what the key held.</summary>
    public void Set(TKey key, TValue value, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        if (_entries.Count >= trimAbove)
        {
            foreach (var (old, entry) in _entries)
                if (now >= entry.Until)
                    _entries.TryRemove(old, out _);
        }
        _entries[key] = new Entry(value, now + lifetime);
    }

    /// <summary>Forgets the key: the next <see cref="TryGet"/> finds nothing.</summary>
    public void Remove(TKey key) => _entries.TryRemove(key, out _);

    public int Count => _entries.Count;

    private readonly record struct Entry(TValue Value, DateTimeOffset Until);
}
