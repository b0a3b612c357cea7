namespace Inventory.Tests.Infrastructure;

/// <summary>
/// The one way a test waits for something that happens after the call it made returns (a posting worker, a span that
/// ends after the response is sent): ask again every 100 ms, and fail naming what never happened.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<T> ValueAsync<T>(Func<Task<T?>> attempt, string what, TimeSpan? patience = null) where T : class
    {
        using var timeout = new CancellationTokenSource(patience ?? Patience);
        while (true)
        {
            if (await attempt() is { } value)
                return value;
            if (timeout.IsCancellationRequested)
                Assert.Fail($"Gave up waiting: {what}");
            await Task.Delay(100);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? patience = null) =>
        ValueAsync(async () => await condition() ? what : null, what, patience);

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? patience = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, patience);
}
