using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inventory.ServiceDefaults;

/// <summary>
/// Gives back to the operating system the memory the GC kept committed for a burst of load, once the process has gone
/// quiet. Server GC grows its heap for a burst and keeps it: a full collection afterwards frees the objects but not the
/// memory (RSS stays where the burst left it, idle or not); only an aggressive collection decommits it. Every
/// <see cref="Tick"/> this looks at what the process allocated: after at least <see cref="BurstBytes"/> since the last
/// trim, at the first tick below <see cref="QuietBytesPerTick"/> (health probes and telemetry exports allocate less) →
/// one blocking, compacting, aggressive collection, when it pauses nobody, and glibc's <c>malloc_trim</c> for the native
/// heap. At most once per burst: a trickle of allocations while idle trims at most once per <see cref="BurstBytes"/>.
/// (What the GC reports committed is as of its last collection, before the allocations since, so it cannot tell
/// beforehand how much a trim will give back; the log line says afterwards.) <c>Memory:IdleTrim</c> = <c>false</c>
/// turns it off. Figures: docs/benchmarks.md, "Memory after load, part 2".
/// </summary>
public sealed class IdleMemoryTrim(IManagedHeap heap, TimeProvider clock, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    public const string EnabledSetting = "Memory:IdleTrim";

    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);
    public const long BurstBytes = 64L << 20;
    public const long QuietBytesPerTick = 5L << 20;

    private long _allocatedAtLastTick = heap.AllocatedBytes;
    private long _allocatedAtLastTrim = heap.AllocatedBytes;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            TrimIfQuiet();
    }

    /// <summary>One tick: trims when a burst has passed and this tick was quiet. True when it trimmed.</summary>
    public bool TrimIfQuiet()
    {
        var allocated = heap.AllocatedBytes;
        var sinceLastTick = allocated - _allocatedAtLastTick;
        _allocatedAtLastTick = allocated;
        logger.LogDebug("Allocated {Tick} MiB this tick, {Burst} MiB since the last trim", sinceLastTick >> 20, (allocated - _allocatedAtLastTrim) >> 20);
        if (sinceLastTick >= QuietBytesPerTick || allocated - _allocatedAtLastTrim < BurstBytes)
            return false;

        var committed = heap.CommittedBytes;
        var resident = Environment.WorkingSet;
        heap.Trim();
        _allocatedAtLastTrim = _allocatedAtLastTick = heap.AllocatedBytes;
        logger.LogInformation(
            "The load has passed: the GC gave back {Released} MiB (committed {Before} → {After} MiB; the process's RSS {ResidentBefore} → {ResidentAfter} MiB)",
            (committed - heap.CommittedBytes) >> 20, committed >> 20, heap.CommittedBytes >> 20, resident >> 20, Environment.WorkingSet >> 20);
        return true;
    }
}

/// <summary>What <see cref="IdleMemoryTrim"/> reads from and does to the process's managed heap.</summary>
public interface IManagedHeap
{
    /// <summary>Bytes allocated since the process started (all threads).</summary>
    long AllocatedBytes { get; }

    /// <summary>Bytes the GC holds committed, as of its last collection.</summary>
    long CommittedBytes { get; }

    /// <summary>A full, blocking, compacting collection that decommits what it can, then the same for the native heap.</summary>
    void Trim();
}

public sealed class RuntimeHeap : IManagedHeap
{
    public long AllocatedBytes => GC.GetTotalAllocatedBytes();

    public long CommittedBytes => GC.GetGCMemoryInfo().TotalCommittedBytes;

    private static bool _nativeTrimUnavailable;

    public void Trim()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        TrimNativeHeap();
    }

    /// <summary>
    /// glibc's malloc keeps the pages it freed in its arenas (sockets' and TLS's buffers, the runtime's own); malloc_trim
    /// hands the free ones back. Other C libraries (musl) have no such call: then nothing is done.
    /// </summary>
    private static void TrimNativeHeap()
    {
        if (!OperatingSystem.IsLinux() || _nativeTrimUnavailable)
            return;
        try
        {
            MallocTrim(0);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            _nativeTrimUnavailable = true;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}

public static class IdleMemoryTrimExtensions
{
    public static IHostApplicationBuilder AddIdleMemoryTrim(this IHostApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue(IdleMemoryTrim.EnabledSetting, true))
            return builder;
        builder.Services.AddSingleton<IManagedHeap, RuntimeHeap>();
        builder.Services.AddHostedService<IdleMemoryTrim>();
        return builder;
    }
}
