using Inventory.ServiceDefaults;

namespace Inventory.Web.Services;

/// <summary>
/// All of one page's calls to the services share <see cref="TimeBudgets.Web"/>'s request budget, counted from when
/// the request arrived: a page that needs two answers from a frozen service still answers within 5 s, saying what
/// is unavailable, instead of waiting out each call's own budget in turn. Long-running calls (CSV) are exempt.
/// </summary>
public static class PageBudget
{
    private static readonly object DeadlineKey = new();

    /// <summary>Stamps each request with the moment its service calls must be done by.</summary>
    public static WebApplication UsePageBudget(this WebApplication app)
    {
        var clock = app.Services.GetRequiredService<TimeProvider>();
        app.Use((context, next) =>
        {
            context.Items[DeadlineKey] = clock.GetUtcNow() + TimeBudgets.Web.Request;
            return next(context);
        });
        return app;
    }

    public static IHttpClientBuilder AddPageBudget(this IHttpClientBuilder client) =>
        client.AddHttpMessageHandler(sp => new PageBudgetHandler(sp.GetRequiredService<IHttpContextAccessor>(), sp.GetRequiredService<TimeProvider>()));

    internal static DateTimeOffset? DeadlineOf(HttpContext? context) =>
        context?.Items.TryGetValue(DeadlineKey, out var deadline) == true ? (DateTimeOffset)deadline! : null;
}

/// <summary>Cancels a service call when its page's budget runs out; the call then fails as "not answering in time".</summary>
internal sealed class PageBudgetHandler(IHttpContextAccessor http, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (PageBudget.DeadlineOf(http.HttpContext) is not { } deadline || TimeBudgets.IsLongRunning(request))
            return await base.SendAsync(request, cancellationToken);

        var left = deadline - clock.GetUtcNow();
        if (left <= TimeSpan.Zero)
            throw new TimeoutException("This page's time for service calls is used up.");
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(left);
        try
        {
            return await base.SendAsync(request, budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("This page's time for service calls ran out.");
        }
    }
}
