namespace Inventory.ServiceDefaults.Kit;

public static class Clock
{
    /// <summary>Now, to the microsecond PostgreSQL stores, so an answer shows what a later read returns.</summary>
    public static DateTimeOffset DatabaseNow(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % 10, TimeSpan.Zero);
    }
}
