using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;

namespace Inventory.Tests.Browser;

/// <summary>
/// The dashboard's links are readable and big enough to hit (WCAG AA contrast 4.5:1 on the card header's grey; 24 px
/// tall targets), and the page's icon loads, so no page pays a 404 and a console error for it.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class DashboardLegibilityTests(BrowserAppFixture fixture)
{
    // The contrast of an element's text with the card header behind it: the header's translucent grey laid over the
    // white card, WCAG 2 relative luminance.
    private const string ContrastScript = """
        (selector) => [...document.querySelectorAll(selector)].map(link => {
          const rgba = text => text.match(/[\d.]+/g).map(Number);
          const [r, g, b] = rgba(getComputedStyle(link).color);
          const header = rgba(getComputedStyle(link.closest('.card-header')).backgroundColor);
          const alpha = header.length > 3 ? header[3] : 1;
          const behind = [0, 1, 2].map(i => header[i] * alpha + 255 * (1 - alpha));
          const luminance = ([x, y, z]) => [x, y, z].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          const [light, dark] = [luminance([r, g, b]), luminance(behind)].sort((p, q) => q - p);
          return (light + 0.05) / (dark + 0.05);
        })
        """;

    [Fact]
    public async Task Card_header_links_pass_aa_contrast_supplier_links_are_24px_targets_and_the_icon_loads()
    {
        using var ui = new ProcurementUi(fixture);
        await ui.SupplierAsync(ProcurementUi.Unique("Vendor"));
        var email = SignIn.NewEmail("browser-dashboard");
        (await SignIn.AsAsync(fixture.Address, email, Roles.Viewer)).Dispose();
        var (context, page) = await fixture.NewPageAsync(HeadlessChromium.Desktop);
        await using var _ = context;
        var missing = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status == 404)
                missing.Add(response.Url);
        };
        await page.GotoAsync(new Uri(fixture.Address, "/dashboard").ToString());
        await page.SignInWithGoogleAsync(email);
        await page.WaitForURLAsync(url => url.EndsWith("/dashboard", StringComparison.Ordinal));

        var contrasts = await page.EvaluateAsync<double[]>(ContrastScript, ".card-header a");
        var heights = await page.EvaluateAsync<double[]>("[...document.querySelectorAll('#dashboard-suppliers a')].map(a => a.getBoundingClientRect().height)");
        var icon = await page.EvaluateAsync<string>("document.querySelector('link[rel=icon]').href");
        var iconResponse = await context.APIRequest.GetAsync(icon);

        Assert.NotEmpty(contrasts);
        Assert.All(contrasts, ratio => Assert.True(ratio >= 4.5, $"contrast {ratio:0.00}:1"));
        Assert.NotEmpty(heights);
        Assert.All(heights, height => Assert.True(height >= 24, $"{height} px tall"));
        Assert.Equal(200, iconResponse.Status);
        Assert.Equal("image/svg+xml", iconResponse.Headers["content-type"].Split(';')[0]);
        Assert.Empty(missing);
    }
}
