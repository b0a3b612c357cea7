using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;
using Microsoft.Playwright;

namespace Inventory.Tests.Browser;

/// <summary>
/// Purchasing in a real browser, through the gateway and its Content-Security-Policy: Enter in a draft's line saves
/// it, "Submit to supplier" asks first, an order's SKU leads to the item and its purchasing card, and the print view
/// prints only the document.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class PurchasingBrowserTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task Enter_in_a_line_saves_the_draft_submit_asks_first_and_the_sku_leads_to_the_items_purchasing(string width)
    {
        using var ui = new ProcurementUi(fixture);
        var item = await ui.ItemAsync(ProcurementUi.Unique("SKU"));
        var supplier = await ui.SupplierAsync(ProcurementUi.Unique("Browser"));
        await ui.SupplierItemAsync(supplier.Id, item.Id, unitPrice: 2m, supplierSku: "SUP-9");
        var draft = await ui.DraftOrderAsync(supplier.Id, item.Id, quantity: 3, unitPrice: 2m);
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Manager, width, $"/purchase-orders/{draft.Id}/edit");
        await using var _ = context;

        // Enter in a line's quantity: the draft is saved with it (not "Add lines", not a silent reload).
        await page.FillAsync("[name='Input.Lines[0].Quantity']", "8");
        await page.PressAsync("[name='Input.Lines[0].Quantity']", "Enter");
        await page.WaitForURLAsync(url => url.EndsWith($"/purchase-orders/{draft.Id}", StringComparison.Ordinal));
        Assert.Equal(8m, (await ui.OrderAsync(draft.Id)).Lines.Single().QuantityOrdered);
        await AssertNoSidewaysScrollAsync(page);

        // Submit asks first; cancelling the question leaves the draft as it was.
        var answered = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var accept = false;
        page.Dialog += async (_, dialog) =>
        {
            if (accept)
            {
                await dialog.AcceptAsync();
                return;
            }
            await dialog.DismissAsync();
            answered.TrySetResult(dialog.Message);
        };
        await page.ClickAsync("#submit-order");
        Assert.Contains($"Submit {draft.Number} to {supplier.Name}?", await answered.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("Draft", (await ui.OrderAsync(draft.Id)).Status);
        Assert.Equal(1, await page.Locator("#po-status [data-status='Draft']").CountAsync());
        accept = true;
        await page.ClickAsync("#submit-order");
        await page.WaitForSelectorAsync("#po-status [data-status='Submitted']");
        Assert.Equal("Submitted", (await ui.OrderAsync(draft.Id)).Status);

        // The line's SKU links to the item, whose page shows the order in its purchasing card.
        await page.ClickAsync($"#po-lines a[data-item-link]:text-is('{item.Sku}')");
        await page.WaitForURLAsync(url => url.EndsWith($"/inventory/{item.Id}", StringComparison.Ordinal));
        Assert.Equal("8", (await page.TextContentAsync("#on-order [data-field='onOrder']"))?.Trim());
        Assert.Equal("Submitted", (await page.TextContentAsync($"#item-open-orders tr[data-order='{draft.Number}'] [data-field='status']"))?.Trim());
        Assert.Equal("SUP-9", (await page.TextContentAsync($"#item-suppliers [data-field='supplierSku']"))?.Trim());
        await AssertNoSidewaysScrollAsync(page);
        Assert.Empty(blocked);
    }

    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task The_print_view_of_an_order_prints_the_document_without_navigation_or_buttons(string width)
    {
        using var ui = new ProcurementUi(fixture);
        var item = await ui.ItemAsync(ProcurementUi.Unique("SKU"));
        var supplier = await ui.SupplierWithAddressAsync(ProcurementUi.Unique("Print"), "Quay 4\nGhent", "Bo Peeters", "bo@print.test");
        var order = await ui.SubmittedOrderAsync(supplier.Id, item.Id, quantity: 4, unitPrice: 2.5m);
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Viewer, width, $"/purchase-orders/{order.Id}");
        await using var _ = context;
        await page.ClickAsync("#print-order");
        await page.WaitForURLAsync(url => url.EndsWith("/print", StringComparison.Ordinal));

        Assert.True(await page.Locator("nav.navbar").IsVisibleAsync());
        Assert.True(await page.Locator("#print-now").IsVisibleAsync());
        Assert.Equal("10.00 EUR", (await page.TextContentAsync("#print-total"))?.Trim());
        await AssertNoSidewaysScrollAsync(page);

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        Assert.False(await page.Locator("nav.navbar").IsVisibleAsync());
        Assert.False(await page.Locator("#print-actions").IsVisibleAsync());
        Assert.True(await page.Locator("#po-document").IsVisibleAsync());
        Assert.True(await page.Locator("#print-lines").IsVisibleAsync());
        Assert.Equal("rgb(0, 0, 0)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('#print-total')).color"));
        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        Assert.Empty(blocked);
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            $"{page.Url} scrolls sideways");
}
