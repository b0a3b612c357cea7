using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Inventory.ServiceDefaults;

/// <summary>
/// Which requests are traced and how many traces are kept. Health probes are never traced, and the Web's static files
/// not unless <c>Telemetry:Tracing:StaticFiles</c> is <c>true</c> (a page's CSS and scripts outnumber its pages many
/// times over and say nothing about them). Their request lines are still written, but not exported while they are untraced
/// (<see cref="RequestLogging.StaticFilesCategory"/>). Of the rest, a trace is kept with
/// the probability <c>Telemetry:Tracing:SampleRatio</c> (default 1: all), decided once where the trace begins and
/// followed by every service it reaches (parent-based), so a kept trace is whole. A span that ends in an error is
/// exported even in a trace the ratio dropped (<see cref="KeepErrors"/>), so lowering the ratio never hides a failure.
/// </summary>
public static class TraceSampling
{
    public const string RatioSetting = "Telemetry:Tracing:SampleRatio";
    public const string StaticFilesSetting = "Telemetry:Tracing:StaticFiles";

    public static bool IsUntraced(PathString path) => HealthEndpoints.IsHealthPath(path) || WebStaticFiles.IsStaticFile(path);

    /// <summary>The paths this process does not trace: <see cref="IsUntraced"/>, or only the probes when static files are traced.</summary>
    public static Func<PathString, bool> Untraced(IConfiguration configuration) =>
        TracesStaticFiles(configuration) ? HealthEndpoints.IsHealthPath : IsUntraced;

    public static bool TracesStaticFiles(IConfiguration configuration)
    {
        var setting = configuration[StaticFilesSetting];
        if (string.IsNullOrWhiteSpace(setting))
            return false;
        if (!bool.TryParse(setting, out var traced))
            throw new InvalidOperationException($"{StaticFilesSetting} must be true or false, not '{setting}'.");
        return traced;
    }

    public static double Ratio(IConfiguration configuration)
    {
        var setting = configuration[RatioSetting];
        if (string.IsNullOrWhiteSpace(setting))
            return 1.0;
        if (!double.TryParse(setting, System.Globalization.CultureInfo.InvariantCulture, out var ratio) || ratio is < 0 or > 1)
            throw new InvalidOperationException($"{RatioSetting} must be a number from 0 to 1, not '{setting}'.");
        return ratio;
    }

    /// <summary>
    /// Parent-based: follows the caller's decision; at a trace's root keeps <paramref name="ratio"/> of traces, and
    /// records the others without exporting them, so that <see cref="KeepErrors"/> can still export a failed span.
    /// </summary>
    public static Sampler ForRatio(double ratio) => ratio >= 1.0
        ? new ParentBasedSampler(new AlwaysOnSampler())
        : new ParentBasedSampler(new RecordOnlyBelowRatio(ratio),
            remoteParentNotSampled: new RecordOnly(), localParentNotSampled: new RecordOnly());

    /// <summary>Marks a recorded but unsampled span that failed as sampled, before the exporter's processor sees it.</summary>
    public sealed class KeepErrors : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity activity)
        {
            if (!activity.Recorded && activity.Status == ActivityStatusCode.Error)
                activity.ActivityTraceFlags |= ActivityTraceFlags.Recorded;
        }
    }

    private sealed class RecordOnlyBelowRatio(double ratio) : Sampler
    {
        private readonly TraceIdRatioBasedSampler _ratio = new(ratio);

        public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
            _ratio.ShouldSample(parameters).Decision == SamplingDecision.RecordAndSample
                ? new SamplingResult(SamplingDecision.RecordAndSample)
                : new SamplingResult(SamplingDecision.RecordOnly);
    }

    private sealed class RecordOnly : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters parameters) => new(SamplingDecision.RecordOnly);
    }
}
