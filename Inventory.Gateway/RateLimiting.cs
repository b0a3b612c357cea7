using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Inventory.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Inventory.Gateway;

/// <summary>One budget: at most <see cref="PermitLimit"/> requests per <see cref="Window"/> from one client.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Per-user and per-client budgets, bound from the <c>RateLimiting</c> section. Every request spends from
/// <see cref="Global"/>; writes and sign-in requests also spend from their stricter budgets.
/// Anonymous clients behind one NAT (an office) share a budget, which is why the defaults are not tighter.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public WindowLimit Global { get; set; } = new() { PermitLimit = 600 };

    /// <summary>POST, PUT, PATCH and DELETE: each may change stock or master data.</summary>
    public WindowLimit Writes { get; set; } = new() { PermitLimit = 120 };

    /// <summary>
    /// <c>/login</c>, <c>/auth/*</c>, <c>/signin-*</c>, <c>/dev-login</c>. One sign-in through Google costs
    /// about three of these requests.
    /// </summary>
    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 20 };
}

/// <summary>
/// Rate limiting with ASP.NET Core's limiter, partitioned by <see cref="BudgetOwner"/>: the signed-in user
/// when a verified budget pass names one, else the client address (the connection's, or what a trusted proxy
/// reports) — never by a header or cookie a client can write unverified.
/// Health probes are exempt: the platform must always be able to ask whether the gateway is up.
/// </summary>
public static class RateLimiting
{
    public static WebApplicationBuilder AddGatewayRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.Section)
            .Validate(o => new[] { o.Global, o.Writes, o.SignIn }.All(l => l.PermitLimit > 0 && l.Window > TimeSpan.Zero),
                $"Every {RateLimitingOptions.Section} budget needs a positive PermitLimit and Window.")
            .ValidateOnStart();

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteRejectionAsync;
        });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((options, limits) =>
            // A request must get a permit from every budget that applies to it.
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PerClient(limits.Value.Global, _ => true),
                PerClient(limits.Value.Writes, IsWrite),
                PerClient(limits.Value.SignIn, IsSignIn)));
        return builder;
    }

    private static PartitionedRateLimiter<HttpContext> PerClient(WindowLimit limit, Func<HttpContext, bool> appliesTo)
    {
        // Made once, not per request: the limiter asks for a partition on every request (docs/benchmarks.md, issue 14).
        var window = new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            // Reject at once: a queued request would hold a connection, which is what the limit protects.
            QueueLimit = 0,
        };
        Func<string, FixedWindowRateLimiterOptions> options = _ => window;
        return PartitionedRateLimiter.Create<HttpContext, string>(context =>
            HealthEndpoints.IsHealthPath(context.Request.Path) || !appliesTo(context)
                ? RateLimitPartition.GetNoLimiter(string.Empty)
                : RateLimitPartition.GetFixedWindowLimiter(BudgetOwners.Of(context).Key, options));
    }

    /// <summary>
    /// The client's partition. An IPv6 client usually controls a whole /64, so the /64 is the client;
    /// otherwise it could take a fresh budget with each address.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
            return "unknown"; // not a TCP connection (e.g. a Unix socket): one shared budget
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    private static bool IsWrite(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)
        || HttpMethods.IsPatch(context.Request.Method) || HttpMethods.IsDelete(context.Request.Method);

    public static bool IsSignInPath(PathString path) =>
        path.StartsWithSegments("/login") || path.StartsWithSegments("/auth") || path.StartsWithSegments("/dev-login")
        || (path.Value?.StartsWith("/signin-", StringComparison.OrdinalIgnoreCase) ?? false);

    private static bool IsSignIn(HttpContext context) => IsSignInPath(context.Request.Path);

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Type = "https://tools.ietf.org/html/rfc6585#section-4",
            Title = "Too many requests.",
        };
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            problem.Detail = $"Try again in {seconds} seconds.";
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
        });
    }
}
