namespace Inventory.ProcurementService.Receiving;

/// <summary>Exponential backoff with jitter, so many failing lines do not retry in lock step.</summary>
public static class RetrySchedule
{
    /// <param name="attempts">Attempts made so far, including the one that just failed (1 or more).</param>
    /// <param name="jitter">A number in [0, 1): the delay is between half and all of the backoff.</param>
    public static TimeSpan Delay(int attempts, TimeSpan initial, TimeSpan max, double jitter)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        var backoff = Math.Min(initial.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(backoff * (0.5 + jitter / 2));
    }
}
