using Inventory.Tests.Service.Gateway;
using Microsoft.Playwright;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// The <see cref="WebAppFixture"/> behind the real gateway (in process, with its security headers and
/// Content-Security-Policy), and one headless Chromium for every browser test of the collection.
/// </summary>
public sealed class BrowserAppFixture : WebAppFixture
{
    private InProcessGateway _gateway = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Chromium { get; private set; } = null!;

    /// <summary>The gateway's address: the browser goes through it, as in production.</summary>
    public override Uri Address => _gateway.Address();

    public override async Task InitializeAsync()
    {
        var chromium = HeadlessChromium.LaunchAsync();
        await base.InitializeAsync();
        _gateway = InProcessGateway.StartInFrontOf(WebAddress, new Dictionary<string, string>
        {
            // Sign-in forms may redirect to Google and to the fake provider (the AppHost does the same).
            ["SecurityHeaders:FormActionOrigins:0"] = "https://accounts.google.com",
            ["SecurityHeaders:FormActionOrigins:1"] = new Uri(OAuth.AuthorizationEndpoint).GetLeftPart(UriPartial.Authority),
            // Every browser comes from 127.0.0.1: budgets no run reaches (the limits have tests of their own).
            ["RateLimiting:Global:PermitLimit"] = "1000000",
            ["RateLimiting:Writes:PermitLimit"] = "1000000",
            ["RateLimiting:SignIn:PermitLimit"] = "1000000",
        });
        (_playwright, Chromium) = await chromium;
    }

    /// <summary>
    /// A new page in a fresh context (no cookies) at <paramref name="width"/> (and <paramref name="timeZone"/>, IANA). Every page of ours it loads is audited
    /// with axe-core; disposing the context closes it and fails the test on a serious or critical violation.
    /// </summary>
    public async Task<(AuditedContext Context, IPage Page)> NewPageAsync(string width, string? timeZone = null)
    {
        var context = await Chromium.NewContextAsync(width, timeZone);
        var page = await context.NewPageAsync();
        return (new AuditedContext(context, AccessibilityAudit.Watch(page, Address, width)), page);
    }

    /// <summary>
    /// A new person with <paramref name="role"/>, signed in the way a person does (the login page the browser is sent to
    /// from <paramref name="path"/>, with "Google"), in a new audited page (<see cref="NewPageAsync"/>) that then shows
    /// <paramref name="path"/>. <c>Blocked</c> collects the page's Content-Security-Policy complaints from its first load.
    /// </summary>
    public async Task<(AuditedContext Context, IPage Page, List<string> Blocked)> SignedInPageAsync(string role, string width, string path,
        string? timeZone = null)
    {
        var email = SignIn.NewEmail($"browser-{role}");
        (await SignIn.AsAsync(Address, email, role)).Dispose();
        var (context, page) = await NewPageAsync(width, timeZone);
        var blocked = page.CspViolations();
        await page.GotoAsync(new Uri(Address, path).ToString());
        await page.SignInWithGoogleAsync(email);
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == path);
        return (context, page, blocked);
    }

    public override async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
        await _gateway.DisposeAsync();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserAppCollection : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "browser";
}
