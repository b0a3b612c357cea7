using System.Diagnostics.Metrics;
using Inventory.ServiceDefaults;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Inventory.Tests.Service.Platform;

/// <summary>
/// The services' metric streams keep at most <see cref="MetricCardinality.Limit"/> points, count what is past it in the
/// overflow point, and keep an instrument's own histogram buckets (ASP.NET Core advises its request-duration buckets).
/// Real OpenTelemetry SDK, exported in memory.
/// </summary>
public sealed class MetricCardinalityTests
{
    [Fact]
    public void Tag_combinations_past_the_limit_are_counted_in_the_overflow_point()
    {
        using var meter = new Meter($"test.{Guid.NewGuid():N}");
        var exported = new List<Metric>();
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(meter.Name).LimitCardinality().AddInMemoryExporter(exported).Build();
        var requests = meter.CreateCounter<long>("requests");

        for (var route = 0; route < MetricCardinality.Limit + 100; route++)
            requests.Add(1, new KeyValuePair<string, object?>("route", $"/r{route}"));
        provider.ForceFlush();

        var points = Points(exported.Single(m => m.Name == "requests"));
        Assert.Equal(MetricCardinality.Limit + 100, points.Sum(p => p.GetSumLong()));
        var overflow = Assert.Single(points, IsOverflow);
        Assert.True(overflow.GetSumLong() >= 100);
        Assert.True(points.Count <= MetricCardinality.Limit + 1);
    }

    [Fact]
    public void A_histogram_keeps_the_buckets_its_instrument_advises()
    {
        using var meter = new Meter($"test.{Guid.NewGuid():N}");
        var exported = new List<Metric>();
        using var provider = Sdk.CreateMeterProviderBuilder().AddMeter(meter.Name).LimitCardinality().AddInMemoryExporter(exported).Build();
        double[] advised = [0.005, 0.05, 0.5, 5];
        var duration = meter.CreateHistogram("duration", "s", null, null, new InstrumentAdvice<double> { HistogramBucketBoundaries = advised });

        duration.Record(0.02);
        provider.ForceFlush();

        var point = Assert.Single(Points(exported.Single(m => m.Name == "duration")));
        var bounds = new List<double>();
        foreach (var bucket in point.GetHistogramBuckets())
            bounds.Add(bucket.ExplicitBound);
        Assert.Equal([.. advised, double.PositiveInfinity], bounds);
    }

    private static List<MetricPoint> Points(Metric metric)
    {
        var points = new List<MetricPoint>();
        foreach (var point in metric.GetMetricPoints())
            points.Add(point);
        return points;
    }

    private static bool IsOverflow(MetricPoint point)
    {
        foreach (var tag in point.Tags)
            if (tag.Key == "otel.metric.overflow")
                return true;
        return false;
    }
}
