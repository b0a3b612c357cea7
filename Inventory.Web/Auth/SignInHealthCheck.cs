using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Inventory.Web.Auth;

/// <summary>
/// Readiness of sign-in: with Google, the client id and secret are set and the callback path is a local path;
/// development sign-in counts as ready (it exists only in Development).
/// </summary>
public sealed class SignInHealthCheck(SignInMode mode, IOptionsMonitor<AuthOptions> options) : IHealthCheck
{
    public const string Name = "oauth-configuration";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (mode.Development)
            return Task.FromResult(HealthCheckResult.Healthy("Development sign-in."));
        var google = options.CurrentValue.Google;
        var ready = google.IsConfigured && google.CallbackPath.StartsWith('/');
        return Task.FromResult(ready
            ? HealthCheckResult.Healthy("Google sign-in.")
            : new HealthCheckResult(context.Registration.FailureStatus, "Google sign-in is not fully configured (Auth:Google)."));
    }
}
