using Inventory.ServiceDefaults.Kit;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Unit;

/// <summary>The expiring map behind the token and session caches: a value until its instant, forgotten on demand, expired ones trimmed.</summary>
public sealed class ExpiringMapTests
{
    [Fact]
    public void A_value_is_found_until_its_lifetime_has_passed_and_not_after_it_is_removed()
    {
        var clock = new ManualClock();
        var map = new ExpiringMap<string, int>(clock);
        map.Set("a", 1, TimeSpan.FromSeconds(10));
        map.Set("b", 2, TimeSpan.FromSeconds(10));

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.True(map.TryGet("a", out var a));
        Assert.Equal(1, a);
        map.Remove("b");
        Assert.False(map.TryGet("b", out _));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(map.TryGet("a", out _));
    }

    [Fact]
    public void Past_its_bound_adding_drops_the_expired_entries_and_keeps_the_live_ones()
    {
        var clock = new ManualClock();
        var map = new ExpiringMap<int, int>(clock, trimAbove: 3);
        map.Set(1, 1, TimeSpan.FromSeconds(1));
        map.Set(2, 2, TimeSpan.FromSeconds(1));
        map.Set(3, 3, TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromSeconds(1));

        map.Set(4, 4, TimeSpan.FromMinutes(1));

        Assert.Equal(2, map.Count);
        Assert.True(map.TryGet(3, out _));
        Assert.True(map.TryGet(4, out _));
    }
}
