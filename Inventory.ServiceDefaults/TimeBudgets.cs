namespace Inventory.ServiceDefaults;

/// <summary>
/// How long each hop may take, in one place. Budgets nest: every hop gives up before its caller does, so the
/// caller still has time to answer clearly (a page saying what is unavailable, a 503 with Retry-After) instead of
/// being cut off by the hop above it with a blank 504:
/// <code>
///   database (connect, each command)             2 s
/// < catalog request                              3 s
/// < procurement's call to the catalog            3.25 s
/// < procurement request                          3.5 s
/// < Web's call to a service                      4 s
/// < a Web page's service calls together          4.5 s   (so a page answers within 5 s)
/// < the gateway's request timeout                30 s    (Gateway:RequestTimeout)
/// </code>
/// Long-running requests (CSV import and export) opt into <see cref="LongRunning"/> at every hop instead, still
/// inside the gateway's timeout.
/// </summary>
public static class TimeBudgets
{
    /// <summary>Connect and command timeout of every service's PostgreSQL connections (an operator may override them in the connection string).</summary>
    public static readonly TimeSpan Database = TimeSpan.FromSeconds(2);

    /// <summary>The catalog: its requests wait only on its database.</summary>
    public static readonly HopBudget Catalog = new(Request: TimeSpan.FromSeconds(3), Call: TimeSpan.FromSeconds(3));

    /// <summary>Procurement: its requests may wait on the catalog, whose budget is shorter than this call's.</summary>
    public static readonly HopBudget Procurement = new(Request: TimeSpan.FromSeconds(3.5), Call: TimeSpan.FromSeconds(3.25));

    /// <summary>Web: each call to a service, and all of one page's calls together.</summary>
    public static readonly HopBudget Web = new(Request: TimeSpan.FromSeconds(4.5), Call: TimeSpan.FromSeconds(4));

    /// <summary>The gateway: its default request timeout (Gateway:RequestTimeout), above Web's and every long-running budget.</summary>
    public static readonly HopBudget Gateway = new(Request: TimeSpan.FromSeconds(30), Call: TimeSpan.FromSeconds(30));

    /// <summary>CSV import and export: the service's request, its database commands and Web's call.</summary>
    public static readonly TimeSpan LongRunning = TimeSpan.FromSeconds(25);

    /// <summary>Name of the request-timeout policy of long-running endpoints (<c>.WithRequestTimeout(TimeBudgets.LongRunningPolicy)</c>).</summary>
    public const string LongRunningPolicy = "long-running";

    /// <summary>Set on an outgoing request (<c>request.Options.Set(TimeBudgets.LongRunningCall, true)</c>) that calls a long-running endpoint.</summary>
    public static readonly HttpRequestOptionsKey<bool> LongRunningCall = new("Inventory.LongRunning");

    public static bool IsLongRunning(HttpRequestMessage request) => request.Options.TryGetValue(LongRunningCall, out var value) && value;
}

/// <param name="Request">How long one request to this process may take before it is answered "did not answer in time".</param>
/// <param name="Call">How long this process waits for one call to another service, retries included.</param>
public sealed record HopBudget(TimeSpan Request, TimeSpan Call);
