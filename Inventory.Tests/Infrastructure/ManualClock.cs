namespace Inventory.Tests.Infrastructure;

/// <summary>A clock a test moves by hand: starts at the real now, advances only when told.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
