using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Inventory.ServiceDefaults;

/// <summary>
/// How every process registers its database (the Aspire Npgsql EF Core integration, tuned): pool and time budget
/// in the connection string (<see cref="PostgresConnectionTuning"/>), snake_case names, a retrying execution
/// strategy bounded so that an outage gives up inside the request's budget (a 503 with Retry-After, not a minute
/// of waiting and a 500), and a health check that asks the server itself.
/// </summary>
public static class ServiceDatabase
{
    /// <summary>Retries of a transient failure (a dropped connection, a restart) and the longest wait between them.</summary>
    public const int MaxRetries = 2;
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMilliseconds(500);

    public static void AddServiceDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName) where TContext : DbContext
    {
        builder.AddNpgsqlDbContext<TContext>(connectionName,
            settings =>
            {
                settings.ConnectionString = PostgresConnectionTuning.Apply(settings.ConnectionString);
                // Aspire's check opens a pooled connection, which succeeds without a word to a frozen server.
                settings.DisableHealthChecks = true;
            },
            options => options
                .UseNpgsql(npgsql => npgsql.EnableRetryOnFailure(MaxRetries, MaxRetryDelay, errorCodesToAdd: null))
                .UseSnakeCaseNamingConvention());
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>(typeof(TContext).Name);
    }
}

/// <summary>Healthy when the database answers a query (within the health endpoint's timeout).</summary>
internal sealed class DatabaseHealthCheck<TContext>(TContext db) : IHealthCheck where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
