using Microsoft.Playwright;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// Headless Chromium from the machine (/usr/bin/chromium, installed by eng/install-prerequisites.sh);
/// Playwright's own browser download does not work on these machines. The flags keep it off the network.
/// </summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

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
}

/// <summary>A test class that drives headless Chromium: one browser per class, closed afterwards.</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    protected IBrowser Chromium { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    public async Task InitializeAsync() => (_playwright, Chromium) = await Browser.LaunchAsync();

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
