using System.Diagnostics;

namespace Inventory.Drills;

/// <summary>Workers that repeat a step until the drill's time is up, and a clock for when faults happen.</summary>
public static class Load
{
    public static async Task RunAsync(int workers, TimeSpan duration, Func<int, CancellationToken, Task> step)
    {
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await step(worker, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
            }
        }));
    }

    /// <summary>Seconds since the drill's clock started, for the figures.</summary>
    public static double Seconds(this Stopwatch clock) => Math.Round(clock.Elapsed.TotalSeconds, 1);
}
