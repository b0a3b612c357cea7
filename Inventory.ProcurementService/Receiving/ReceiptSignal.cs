namespace Inventory.ProcurementService.Receiving;

/// <summary>Wakes the dispatcher as soon as a receipt commits, instead of at its next poll.</summary>
public sealed class ReceiptSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers every receipt since.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
