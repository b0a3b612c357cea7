using System.Diagnostics;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;
using Sentry;
using Sentry.Extensibility;

namespace Inventory.ServiceDefaults;

/// <summary>
/// What an error report may say about a person: their user id (the <c>sub</c> claim: Web's user id, or a
/// service's identity) and nothing else — no e-mail, name or IP address, no cookies, credentials or query string.
/// </summary>
public sealed class ErrorReportPrivacy(IHttpContextAccessor http) : ISentryEventProcessor
{
    /// <summary>Request headers that carry credentials or the client's address.</summary>
    private static readonly HashSet<string> ScrubbedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Cookie", "Set-Cookie", "Authorization", "Proxy-Authorization", "X-Forwarded-For", "X-Real-IP", "Forwarded",
        "X-Original-For",
    };

    /// <summary>
    /// Sets the user of an event raised during a request (Sentry runs this for events of a request's scope), and the
    /// request's trace id, which leads to its log lines (their TraceId) and its trace.
    /// </summary>
    public SentryEvent Process(SentryEvent report)
    {
        var userId = http.HttpContext?.User.FindFirst(TokenClaims.Subject)?.Value;
        report.User = new SentryUser { Id = userId ?? report.User.Id };
        if (Activity.Current is { } activity)
            report.SetTag("TraceId", activity.TraceId.ToString());
        return report;
    }

    /// <summary>The last step before any event leaves: keep only the user id, drop credentials and addresses.</summary>
    public static SentryEvent Scrub(SentryEvent report)
    {
        report.User = new SentryUser { Id = report.User.Id };
        var request = report.Request;
        request.Cookies = null;
        request.QueryString = null;
        request.Data = null;
        request.Env.Remove("REMOTE_ADDR");
        foreach (var header in request.Headers.Keys.Where(ScrubbedHeaders.Contains).ToList())
            request.Headers.Remove(header);
        return report;
    }
}
