using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Inventory.ServiceDefaults;

public sealed class DiskSpaceOptions
{
    public const string Section = "HealthChecks:DiskSpace";

    /// <summary>Directory whose volume is checked; the content root when unset.</summary>
    public string? Path { get; set; }

    /// <summary>Below this much free space the service reports unhealthy (logs and temp files need room).</summary>
    public long MinimumFreeMegabytes { get; set; } = 512;
}

/// <summary>Unhealthy when the volume the service writes to has less free space than configured.</summary>
public sealed class DiskSpaceHealthCheck(IOptions<DiskSpaceOptions> options, IHostEnvironment environment) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = options.Value.Path ?? environment.ContentRootPath;
        var freeMegabytes = new DriveInfo(System.IO.Path.GetFullPath(path)).AvailableFreeSpace / (1024 * 1024);
        var minimum = options.Value.MinimumFreeMegabytes;
        return Task.FromResult(freeMegabytes >= minimum
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus,
                $"{freeMegabytes} MB free on the volume of {path}; at least {minimum} MB required."));
    }
}
