using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;

namespace Inventory.Tests.Browser;

/// <summary>The movements page in a real browser: a scanned SKU (typed, then Enter) finds the item's movements, at desktop and phone width.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class MovementBrowserTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task A_scanned_sku_in_the_item_box_lists_that_items_movements_without_sideways_scrolling(string width)
    {
        using var ui = new CatalogUi(fixture);
        var warehouse = await ui.WarehouseAsync(CatalogUi.Unique("WH"));
        var item = await ui.ItemAsync(CatalogUi.Unique("SCAN"));
        await ui.ReceiveAsync(item.Id, warehouse.Id, 9);
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Viewer, width, "/movements");
        await using var _ = context;

        // What a keyboard-wedge scanner does: the code's characters, then Enter.
        await page.FillAsync("#Item", item.Sku);
        await page.PressAsync("#Item", "Enter");
        await page.WaitForURLAsync(url => url.Contains("item=", StringComparison.Ordinal));

        var rows = page.Locator("#movements tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal("Receipt", (await rows.First.Locator("[data-field='type']").TextContentAsync())?.Trim());
        Assert.Equal("9 each", (await rows.First.Locator("[data-field='quantity']").TextContentAsync())?.Trim());
        // The page itself never scrolls sideways; the wide table scrolls in its own box.
        var widths = await page.EvaluateAsync<string>("""
            (() => { const d = document.documentElement; const wide = [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > d.clientWidth + 1).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className);
              const f = document.querySelector('#main-nav > form'), u = document.querySelector('#main-nav > ul'), s = document.getElementById('signed-in-user');
              return d.scrollWidth + ' > ' + d.clientWidth + ': ' + wide.join(', ') + ' | form ' + getComputedStyle(f).minWidth + ' ' + f.getBoundingClientRect().width
                + ' ul ' + u.getBoundingClientRect().width + ' span ' + s.getBoundingClientRect().width + ' nav ' + document.getElementById('main-nav').getBoundingClientRect().width; })()
            """);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), widths);
        Assert.Empty(blocked);
    }
}
