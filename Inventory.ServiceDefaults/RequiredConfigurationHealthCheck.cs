using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Inventory.ServiceDefaults;

/// <summary>Unhealthy while any configuration key the service cannot work without is missing or empty.</summary>
public sealed class RequiredConfigurationHealthCheck(IConfiguration configuration, IReadOnlyList<string> keys) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var missing = keys.Where(key => string.IsNullOrWhiteSpace(configuration[key])).ToList();
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, $"Missing configuration: {string.Join(", ", missing)}"));
    }
}

public static class RequiredConfigurationExtensions
{
    /// <summary>Adds a readiness check that fails while any of <paramref name="keys"/> has no value.</summary>
    /// <remarks>Several calls add to one check.</remarks>
    public static TBuilder AddRequiredConfigurationCheck<TBuilder>(this TBuilder builder, params string[] keys)
        where TBuilder : IHostApplicationBuilder
    {
        var existing = builder.Services.Select(d => d.ImplementationInstance).OfType<RequiredConfigurationKeys>().FirstOrDefault();
        if (existing is not null)
        {
            existing.Keys.AddRange(keys);
            return builder;
        }

        var required = new RequiredConfigurationKeys([.. keys]);
        builder.Services.AddSingleton(required);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "required-configuration",
            sp => new RequiredConfigurationHealthCheck(sp.GetRequiredService<IConfiguration>(), required.Keys),
            failureStatus: null,
            tags: null));
        return builder;
    }

    private sealed record RequiredConfigurationKeys(List<string> Keys);
}
