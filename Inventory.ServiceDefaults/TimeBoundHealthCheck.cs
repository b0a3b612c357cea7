using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inventory.ServiceDefaults;

/// <summary>
/// Runs a health check in a scope of its own and stops waiting for it after <paramref name="timeout"/>: then it has
/// failed. A check stuck on a frozen database may take longer to give up than that (Npgsql cancels a command by
/// asking the server, which does not answer); it finishes in the background, and its scope — the DbContext it
/// holds — is disposed then, so the health answer never waits for it.
/// </summary>
internal sealed class TimeBoundHealthCheck(IServiceScopeFactory scopes, Func<IServiceProvider, IHealthCheck> check, TimeSpan timeout) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        var run = RunAsync(context, cancellationToken);
        try
        {
            return await run.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            _ = run.ContinueWith(abandoned => abandoned.Exception, TaskContinuationOptions.OnlyOnFaulted); // observed, not rethrown
            return new HealthCheckResult(context.Registration.FailureStatus, $"No answer within {timeout.TotalSeconds:0.#} s.");
        }
    }

    private async Task<HealthCheckResult> RunAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await check(scope.ServiceProvider).CheckHealthAsync(context, cancellationToken);
    }
}
