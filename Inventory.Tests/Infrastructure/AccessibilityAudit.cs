using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// Runs axe-core (npm axe-core, vendored in Browser/Accessibility) on every page of our origin that a browser test
/// loads, and saves a screenshot of each page the first time it is seen at a width (TestResults/screenshots, the
/// test run's artifacts). A page the test left before its audit finished is audited again at the end by loading its
/// address in the same context, so every page visited is audited once. <see cref="Violations"/> lists the serious
/// and critical ones; <see cref="AuditedContext"/> fails the test on any.
/// </summary>
public sealed class AccessibilityAudit
{
    private static readonly Lazy<string> AxeSource = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Browser", "Accessibility", "axe.min.js")));

    private static readonly ConcurrentDictionary<string, byte> Screenshotted = new();

    // axe's serious and critical findings only; moderate and minor ones (e.g. "region") are advice, not failures.
    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
        }
        """;

    private readonly Uri _origin;
    private readonly string _width;
    private readonly List<Task> _running = [];
    private readonly ConcurrentDictionary<string, byte> _loaded = new();
    private readonly ConcurrentDictionary<string, byte> _audited = new();
    private readonly ConcurrentBag<string> _violations = [];

    private AccessibilityAudit(IPage page, Uri origin, string width)
    {
        Page = page;
        _origin = origin;
        _width = width;
    }

    /// <summary>The page watched.</summary>
    public IPage Page { get; }

    /// <summary>Serious and critical violations found so far, each with the page's path.</summary>
    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>Audits every page <paramref name="page"/> loads from <paramref name="origin"/> from now on.</summary>
    public static AccessibilityAudit Watch(IPage page, Uri origin, string width)
    {
        var audit = new AccessibilityAudit(page, origin, width);
        page.Load += (_, _) =>
        {
            var url = page.Url;
            if (!audit.IsOurs(url))
                return;
            audit._loaded.TryAdd(url, 0);
            lock (audit._running)
                audit._running.Add(audit.AuditAsync(page, url));
        };
        return audit;
    }

    /// <summary>Waits for the audits under way (e.g. before a test moves on to the next page).</summary>
    public async Task SettleAsync()
    {
        Task[] running;
        lock (_running)
            running = [.. _running];
        await Task.WhenAll(running);
    }

    /// <summary>Waits for the audits under way, then audits each page the test left before its audit ended, in <paramref name="page"/>.</summary>
    public async Task FinishAsync(IPage page)
    {
        await SettleAsync();
        foreach (var url in _loaded.Keys.Where(url => !_audited.ContainsKey(url)).ToList())
        {
            var response = await page.GotoAsync(url);
            if (response is { Ok: true } && IsOurs(page.Url))
                await AuditAsync(page, page.Url);
        }
    }

    private bool IsOurs(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.GetLeftPart(UriPartial.Authority) == _origin.GetLeftPart(UriPartial.Authority);

    private async Task AuditAsync(IPage page, string url)
    {
        string[] found;
        try
        {
            // Evaluated through the DevTools protocol, so the page's strict Content-Security-Policy does not apply to it.
            if (!await page.EvaluateAsync<bool>("typeof axe !== 'undefined'"))
                await page.EvaluateAsync(AxeSource.Value);
            found = await page.EvaluateAsync<string[]>(RunAxe);
            if (page.Url != url)
                return; // the test moved on mid-audit: what was read may be a mix of two pages
            await SaveScreenshotAsync(page, url);
        }
        catch (PlaywrightException)
        {
            return; // the page navigated or closed during the audit; FinishAsync audits it again
        }
        _audited.TryAdd(url, 0);
        var path = new Uri(url).PathAndQuery;
        foreach (var violation in found)
            _violations.Add($"{path} ({_width}): {violation}");
    }

    private async Task SaveScreenshotAsync(IPage page, string url)
    {
        var name = ScreenshotName(new Uri(url).AbsolutePath);
        if (!Screenshotted.TryAdd($"{_width}/{name}", 0))
            return;
        var folder = Path.Combine(Repository.Root(), "TestResults", "screenshots", _width);
        Directory.CreateDirectory(folder);
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true, Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // A picture is an artifact, not a finding: a page the test navigates away from mid-shot gets none this time.
            Screenshotted.TryRemove($"{_width}/{name}", out _);
        }
    }

    // "/items/3f2a…/edit" → "items-id-edit": one screenshot per kind of page, not per entity.
    private static string ScreenshotName(string path)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Guid.TryParse(s, out _) || long.TryParse(s, out _) ? "id" : s.ToLowerInvariant());
        var name = string.Join('-', segments);
        return name.Length == 0 ? "home" : name;
    }

    /// <summary>The violations as one readable message for a failed assertion.</summary>
    public string Describe() => string.Join(Environment.NewLine, _violations.Order());
}

/// <summary>
/// A browser context whose pages are audited for accessibility; disposing it finishes the audits, closes the
/// context, and fails the test if any page had a serious or critical violation.
/// </summary>
public sealed class AuditedContext(IBrowserContext context, AccessibilityAudit audit) : IAsyncDisposable
{
    public IBrowserContext Browser => context;

    /// <summary>HTTP requests with the context's cookies (e.g. to fetch an asset as the signed-in person).</summary>
    public IAPIRequestContext APIRequest => context.APIRequest;

    public AccessibilityAudit Audit => audit;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await audit.FinishAsync(audit.Page);
        }
        finally
        {
            await context.DisposeAsync();
        }
        Assert.True(audit.Violations.Count == 0, "axe-core found serious or critical violations:" + Environment.NewLine + audit.Describe());
    }
}
