namespace Inventory.Web.Pages.Shared;

/// <summary>
/// The time zone of the person the current request renders for (their browser reported it; stored on their user). Ambient
/// for the request like its culture, so <see cref="Format.Time"/> stays a plain call on every page. UTC when unknown.
/// </summary>
public static class ViewerTimeZone
{
    /// <summary>Where the session check leaves the signed-in user's zone for <see cref="UseViewerTimeZone"/>.</summary>
    public const string ItemKey = "viewer-time-zone";

    private static readonly AsyncLocal<TimeZoneInfo?> Zone = new();

    public static TimeZoneInfo Current => Zone.Value ?? TimeZoneInfo.Utc;

    /// <summary>A zone the browser named (IANA, e.g. <c>Europe/Vienna</c>) that this machine knows, or null.</summary>
    public static TimeZoneInfo? Find(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    public const int MaxIdLength = 64;

    /// <summary>Runs the rest of the request in the zone the session check found (set here, so it flows into the page).</summary>
    public static IApplicationBuilder UseViewerTimeZone(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        Zone.Value = context.Items[ItemKey] as TimeZoneInfo;
        await next();
    });

    /// <summary>For tests and code outside a request: renders in <paramref name="zone"/> until disposed.</summary>
    public static IDisposable Use(TimeZoneInfo zone)
    {
        var before = Zone.Value;
        Zone.Value = zone;
        return new Restore(before);
    }

    private sealed class Restore(TimeZoneInfo? before) : IDisposable
    {
        public void Dispose() => Zone.Value = before;
    }
}
