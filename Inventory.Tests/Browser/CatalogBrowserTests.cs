using Inventory.Tests.Web;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Browser;

/// <summary>A manager in a real browser (headless Chromium, through the gateway and its Content-Security-Policy) creates an item and receives stock.</summary>
[Collection(BrowserAppCollection.Name)]
public sealed class CatalogBrowserTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task A_manager_creates_an_item_receives_stock_and_sees_the_on_hand_in_the_browser(string width)
    {
        using var ui = new CatalogUi(fixture);
        var warehouse = await ui.WarehouseAsync(CatalogUi.Unique("WH"));
        var sku = CatalogUi.Unique("BROWSER");
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Manager, width, "/inventory/new");
        await using var _ = context;

        await page.FillAsync("#Input_Sku", sku);
        await page.FillAsync("#Input_Name", "Browser bolt");
        await page.SelectOptionAsync("#Input_Unit", "box");
        await page.FillAsync("#Input_UnitCost", "3.5");
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#receive-form");
        Assert.Equal($"Item {sku} created.", (await page.TextContentAsync("#flash"))?.Trim());

        await context.Audit.SettleAsync();
        await page.ChooseAsync("Receive_LocationId", warehouse.Code, warehouse.Id);
        await page.FillAsync("#Receive_Quantity", "12");
        await page.ClickAsync("#receive-submit");
        await page.WaitForSelectorAsync("#stock");

        Assert.Equal("Received 12.", (await page.TextContentAsync("#flash"))?.Trim());
        Assert.Equal("12 box", (await page.TextContentAsync("#on-hand"))?.Trim());
        Assert.Equal("12", (await page.TextContentAsync($"#stock tr[data-location='{warehouse.Code}'] [data-field='onHand']"))?.Trim());
        var stored = Assert.Single(await ui.FindItemsAsync(sku));
        Assert.Equal((12m, "box"), (stored.OnHand, stored.Unit));
        Assert.Empty(blocked);
    }
}
