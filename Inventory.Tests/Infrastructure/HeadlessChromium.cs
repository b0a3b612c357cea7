using Microsoft.Playwright;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// Headless Chromium from the machine (/usr/bin/chromium, installed by eng/install-prerequisites.sh);
/// Playwright's own browser download does not work on these machines. The flags keep it off the network.
/// </summary>
public static class HeadlessChromium
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The widths every browser test runs at: a desktop, and a phone (where the navigation collapses).</summary>
    public static TheoryData<string> Widths => [Desktop, Phone];

    public const string Desktop = "desktop";
    public const string Phone = "phone";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        return (playwright, browser);
    }

    /// <summary>
    /// A fresh browser context (no cookies) at <paramref name="width"/>: 1280×800, or a 390×844 touch phone; in the
    /// machine's time zone unless <paramref name="timeZone"/> (IANA) names another.
    /// </summary>
    public static Task<IBrowserContext> NewContextAsync(this IBrowser browser, string width, string? timeZone = null)
    {
        var options = width switch
        {
            Desktop => new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 800 } },
            Phone => new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true },
            _ => throw new ArgumentOutOfRangeException(nameof(width), width, "desktop or phone"),
        };
        options.TimezoneId = timeZone;
        // No transitions (Bootstrap honours prefers-reduced-motion): the accessibility audit then never reads a colour
        // halfway through one — a button's hover fading in once measured below 4.5:1 — and a tap never lands mid-slide.
        options.ReducedMotion = ReducedMotion.Reduce;
        return browser.NewContextAsync(options);
    }

    /// <summary>Signs in on the login page the browser is at, with "Google" (the fake provider's account form).</summary>
    public static async Task SignInWithGoogleAsync(this IPage page, string email)
    {
        await page.ClickAsync("#google-sign-in");
        await page.FillAsync("#email", email);
        await page.ClickAsync("#continue");
    }

    /// <summary>Opens the navigation where it is collapsed behind its toggler (narrow screens), as a person would.</summary>
    public static async Task OpenNavigationAsync(this IPage page)
    {
        var toggler = page.Locator(".navbar-toggler");
        if (await toggler.IsVisibleAsync())
        {
            await toggler.ClickAsync();
            // Bootstrap marks the menu "collapse show" only once its opening transition has ended; until then the
            // entries are still sliding into view and a tap can land beside them.
            await page.Locator("#main-nav.collapse.show").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        }
    }

    /// <summary>
    /// What makes the page scroll sideways: empty when it fits its viewport, else the widths and the outermost
    /// elements reaching past the right edge (those inside a box that scrolls on its own do not count).
    /// </summary>
    public static Task<string> SidewaysOverflowAsync(this IPage page) => page.EvaluateAsync<string>("""
        (() => {
          const root = document.documentElement;
          if (root.scrollWidth <= root.clientWidth) return '';
          const scrollsItself = e => { if (getComputedStyle(e).position === 'absolute') return false; for (let p = e.parentElement; p; p = p.parentElement) if (p.scrollWidth > p.clientWidth && getComputedStyle(p).overflowX !== 'visible') return true; return false; };
          const wide = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > root.clientWidth + 1 && !scrollsItself(e));
          const outermost = wide.filter(e => !wide.includes(e.parentElement)).slice(0, 4)
            .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`);
          return `${root.scrollWidth} px wide in ${root.clientWidth}: ${outermost.join(', ')}`;
        })()
        """);

    /// <summary>Collects the browser's Content-Security-Policy complaints about a page.</summary>
    public static List<string> CspViolations(this IPage page)
    {
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                blocked.Add(message.Text);
        };
        return blocked;
    }
}
