using Inventory.ServiceDefaults;

namespace Inventory.AppHost;

/// <summary>
/// <c>Telemetry:Tracing:SampleRatio</c> set on the AppHost (e.g. <c>dotnet run --project Inventory.AppHost --
/// --Telemetry:Tracing:SampleRatio=0.1</c>) reaches every project as the same setting, so one value decides for the
/// whole app: the gateway, where a trace begins, and every service it reaches, which follows that decision
/// (<see cref="TraceSampling"/>). Unset, each process keeps its own default (1: every trace). A value that is not a
/// number from 0 to 1 stops the start naming the setting, as it would stop each service.
/// </summary>
internal static class TraceSamplingSettings
{
    public static void PassTraceSampleRatioToProjects(this IDistributedApplicationBuilder builder)
    {
        var value = builder.Configuration[TraceSampling.RatioSetting];
        if (string.IsNullOrWhiteSpace(value))
            return;
        try
        {
            TraceSampling.Ratio(builder.Configuration);
        }
        catch (InvalidOperationException invalid)
        {
            throw new DistributedApplicationException(invalid.Message);
        }
        var variable = TraceSampling.RatioSetting.Replace(":", "__", StringComparison.Ordinal);
        foreach (var project in builder.Resources.OfType<ProjectResource>())
            builder.CreateResourceBuilder(project).WithEnvironment(variable, value);
    }
}
