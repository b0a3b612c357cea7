using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inventory.Tests.Service.Platform;

/// <summary>
/// When the idle trim gives memory back: once after a burst of allocations, at the first quiet tick. What it gives back in a real service is measured by the benchmark
/// suite (docs/benchmarks.md), not asserted here.
/// </summary>
public sealed class IdleMemoryTrimTests
{
    private const long MiB = 1L << 20;

    [Fact]
    public void A_burst_followed_by_a_quiet_tick_trims_once()
    {
        var heap = new HeapAfterBurst();
        var trim = new IdleMemoryTrim(heap, TimeProvider.System, NullLogger<IdleMemoryTrim>.Instance);

        heap.Allocate(200 * MiB);
        Assert.False(trim.TrimIfQuiet()); // the burst's own tick: not quiet
        heap.Allocate(1 * MiB);
        Assert.True(trim.TrimIfQuiet());
        heap.Allocate(1 * MiB);
        Assert.False(trim.TrimIfQuiet()); // still quiet, but nothing new to give back

        Assert.Equal(1, heap.Trims);
    }

    [Fact]
    public void Steady_load_is_not_interrupted()
    {
        var heap = new HeapAfterBurst();
        var trim = new IdleMemoryTrim(heap, TimeProvider.System, NullLogger<IdleMemoryTrim>.Instance);

        for (var tick = 0; tick < 10; tick++)
        {
            heap.Allocate(IdleMemoryTrim.QuietBytesPerTick + MiB);
            Assert.False(trim.TrimIfQuiet());
        }
        Assert.Equal(0, heap.Trims);
    }

    [Fact]
    public void A_quiet_process_without_a_burst_is_left_alone()
    {
        var heap = new HeapAfterBurst();
        var trim = new IdleMemoryTrim(heap, TimeProvider.System, NullLogger<IdleMemoryTrim>.Instance);

        for (var tick = 0; tick < 20; tick++)
        {
            heap.Allocate(2 * MiB);
            Assert.False(trim.TrimIfQuiet());
        }
        Assert.Equal(0, heap.Trims);
    }

    [Fact]
    public async Task The_hosted_service_trims_on_its_tick()
    {
        var heap = new HeapAfterBurst();
        var clock = new ManualClock();
        using var trim = new IdleMemoryTrim(heap, clock, NullLogger<IdleMemoryTrim>.Instance);
        await trim.StartAsync(CancellationToken.None);

        heap.Allocate(200 * MiB);
        // Ticks until it trims: the service starts its timer on a background thread, so the first ticks may come
        // before there is a timer to fire.
        await Eventually.TrueAsync(async () =>
        {
            clock.Advance(IdleMemoryTrim.Tick);
            await Task.Delay(50);
            return heap.Trims > 0;
        }, "a tick trimmed after the burst", TimeSpan.FromSeconds(10));
        for (var tick = 0; tick < 5; tick++)
        {
            clock.Advance(IdleMemoryTrim.Tick);
            await Task.Delay(20);
        }
        Assert.Equal(1, heap.Trims);
        await trim.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void The_runtime_heap_trim_is_a_full_blocking_compacting_collection()
    {
        var before = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;

        new RuntimeHeap().Trim();

        var last = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        Assert.True(last.Index > before);
        Assert.Equal(GC.MaxGeneration, last.Generation);
        Assert.True(last.Compacted);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Every_service_runs_it_unless_the_setting_turns_it_off(string? setting, bool expected)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [IdleMemoryTrim.EnabledSetting] = setting });
        builder.AddServiceDefaults(TimeBudgets.Catalog);
        using var host = builder.Build();

        Assert.Equal(expected, host.Services.GetServices<IHostedService>().OfType<IdleMemoryTrim>().Any());
    }

    /// <summary>A heap the test allocates on by hand: 300 MiB committed until it is trimmed.</summary>
    private sealed class HeapAfterBurst : IManagedHeap
    {
        private long _allocated;
        public int Trims { get; private set; }

        public void Allocate(long bytes) => Interlocked.Add(ref _allocated, bytes);

        public long AllocatedBytes => Interlocked.Read(ref _allocated);

        public long CommittedBytes { get; private set; } = 300 * MiB;

        public void Trim()
        {
            Trims++;
            CommittedBytes = 60 * MiB;
        }
    }
}
