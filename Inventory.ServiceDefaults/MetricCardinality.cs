using OpenTelemetry.Metrics;

namespace Inventory.ServiceDefaults;

/// <summary>
/// How many points (tag combinations) each metric stream keeps. OpenTelemetry's default, 2,000, is allocated when a
/// stream is created: Web's 57 streams held 8.2 MB of its 37 MB heap after load for a few dozen points each
/// (docs/benchmarks.md, "Memory after load, part 2"). Our busiest streams, requests by route, method and status, have a
/// few hundred. Points past the limit are still counted, together, in one point tagged <c>otel.metric.overflow</c>.
/// </summary>
public static class MetricCardinality
{
    public const int Limit = 500;

    /// <summary>Every stream of this provider limited to <see cref="Limit"/>; instruments keep their own aggregation (and a histogram its advised buckets).</summary>
    public static MeterProviderBuilder LimitCardinality(this MeterProviderBuilder metrics) =>
        metrics.AddView(_ => new MetricStreamConfiguration { CardinalityLimit = Limit });
}
