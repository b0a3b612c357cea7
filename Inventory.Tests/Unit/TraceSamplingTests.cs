using System.Diagnostics;
using Inventory.ServiceDefaults;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace Inventory.Tests.Unit;

/// <summary>Which requests are traced, how many traces are kept, and that a failure is exported from a dropped trace.</summary>
public sealed class TraceSamplingTests
{
    [Theory]
    [InlineData("/health", true)]
    [InlineData("/alive", true)]
    [InlineData("/css/site.abc123.css", true)]
    [InlineData("/js/pickers.js", true)]
    [InlineData("/lib/bootstrap/css/bootstrap.min.css", true)]
    [InlineData("/favicon.svg", true)]
    [InlineData("/inventory", false)]
    [InlineData("/api/items", false)]
    [InlineData("/jsonish", false)]
    public void Probes_and_static_files_are_not_traced(string path, bool untraced) =>
        Assert.Equal(untraced, TraceSampling.IsUntraced(new PathString(path)));

    [Fact]
    public void At_ratio_zero_a_root_is_recorded_but_not_exported_and_a_sampled_parent_is_followed()
    {
        var sampler = TraceSampling.ForRatio(0);

        Assert.Equal(SamplingDecision.RecordOnly, sampler.ShouldSample(Root()).Decision);
        var sampledParent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        Assert.Equal(SamplingDecision.RecordAndSample, sampler.ShouldSample(Child(sampledParent)).Decision);
        Assert.Equal(SamplingDecision.RecordAndSample, TraceSampling.ForRatio(1).ShouldSample(Root()).Decision);
    }

    [Fact]
    public void A_failed_span_of_a_dropped_trace_is_exported_and_a_good_one_is_not()
    {
        using var failed = new Activity("failed");
        failed.ActivityTraceFlags = ActivityTraceFlags.None;
        failed.SetStatus(ActivityStatusCode.Error);
        using var fine = new Activity("fine");
        fine.ActivityTraceFlags = ActivityTraceFlags.None;
        var keep = new TraceSampling.KeepErrors();

        keep.OnEnd(failed);
        keep.OnEnd(fine);

        Assert.True(failed.Recorded);
        Assert.False(fine.Recorded);
    }

    [Theory]
    [InlineData(null, 1.0)]
    [InlineData("0.25", 0.25)]
    public void The_ratio_setting_defaults_to_every_trace(string? setting, double ratio) =>
        Assert.Equal(ratio, TraceSampling.Ratio(Settings(setting)));

    [Theory]
    [InlineData("1.5")]
    [InlineData("half")]
    public void A_ratio_outside_0_to_1_stops_the_start_naming_the_setting(string setting) =>
        Assert.Contains(TraceSampling.RatioSetting, Assert.Throws<InvalidOperationException>(() => TraceSampling.Ratio(Settings(setting))).Message);

    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Static_files_are_untraced_unless_the_setting_turns_them_on(string? setting, bool traced)
    {
        var untraced = TraceSampling.Untraced(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [TraceSampling.StaticFilesSetting] = setting }).Build());

        Assert.Equal(!traced, untraced(new PathString("/css/site.css")));
        Assert.True(untraced(new PathString(HealthEndpoints.HealthPath)));
        Assert.False(untraced(new PathString("/inventory")));
    }

    [Fact]
    public void A_static_files_setting_that_is_not_true_or_false_stops_the_start_naming_it() =>
        Assert.Contains(TraceSampling.StaticFilesSetting, Assert.Throws<InvalidOperationException>(() => TraceSampling.Untraced(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TraceSampling.StaticFilesSetting] = "yes" }).Build())).Message);

    private static IConfiguration Settings(string? ratio) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [TraceSampling.RatioSetting] = ratio }).Build();

    private static SamplingParameters Root() =>
        new(default, ActivityTraceId.CreateRandom(), "GET /inventory", ActivityKind.Server);

    private static SamplingParameters Child(ActivityContext parent) =>
        new(parent, parent.TraceId, "GET /inventory", ActivityKind.Server);
}
