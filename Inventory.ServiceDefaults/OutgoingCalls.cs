using System.Net.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Inventory.ServiceDefaults.Kit;

namespace Inventory.ServiceDefaults;

/// <summary>
/// The resilience of every HTTP call one of our processes makes to another (the standard handler, tuned):
/// <list type="bullet">
/// <item>one time budget per call (<see cref="HopBudget.Call"/>, or <see cref="TimeBudgets.LongRunning"/> for a call marked
/// long-running), shorter than the caller's own request budget;</item>
/// <item>retries only for a call that is safe to repeat — a read, or a write that carries an <c>Idempotency-Key</c>
/// (the service answers a repeat with the first answer, so a retried create never comes back "SKU taken");</item>
/// <item>a circuit breaker per service that opens after a few failures, so while a service is down every page that
/// needs it says so at once instead of waiting out its budget each time.</item>
/// </list>
/// </summary>
public static class OutgoingCalls
{
    public const int MaxRetries = 2;
    public const int BreakerMinimumThroughput = 4;
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(30);

    public static void Configure(HttpStandardResilienceOptions options, HopBudget budget)
    {
        options.TotalRequestTimeout.Timeout = budget.Call;
        options.TotalRequestTimeout.TimeoutGenerator = args => ValueTask.FromResult(BudgetOf(args.Context, budget));
        // One attempt may use the whole budget: a slow answer is not made slower by starting it again.
        options.AttemptTimeout.Timeout = budget.Call;
        options.AttemptTimeout.TimeoutGenerator = args => ValueTask.FromResult(BudgetOf(args.Context, budget));

        options.Retry.MaxRetryAttempts = MaxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        var transient = options.Retry.ShouldHandle;
        options.Retry.ShouldHandle = args =>
            args.Context.GetRequestMessage() is { } request && IsSafeToRepeat(request) ? transient(args) : PredicateResult.False();

        // The sampling window must be at least twice an attempt's timeout (the options validator's rule).
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(SamplingDuration.Ticks, 2 * budget.Call.Ticks));
        options.CircuitBreaker.MinimumThroughput = BreakerMinimumThroughput;
        options.CircuitBreaker.FailureRatio = 0.5;
        options.CircuitBreaker.BreakDuration = BreakDuration;
    }

    /// <summary>A read, or a write the receiving service de-duplicates by its <c>Idempotency-Key</c>.</summary>
    public static bool IsSafeToRepeat(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options
        || request.Headers.Contains(IdempotencyRules.HeaderName);

    private static TimeSpan BudgetOf(ResilienceContext context, HopBudget budget) =>
        context.GetRequestMessage() is { } request && TimeBudgets.IsLongRunning(request) ? TimeBudgets.LongRunning : budget.Call;
}
