using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;
using Microsoft.Playwright;

namespace Inventory.Tests.Browser;

/// <summary>
/// The item list's category filter renders no categories of its own (issue 14): focused, its picker loads the first
/// ones from <c>/pickers/categories</c> before anything is typed, and a typed name finds the one wanted, which filters the list.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class ListFilterPickerBrowserTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task The_category_filter_offers_choices_when_focused_and_filters_by_the_one_typed(string width)
    {
        using var ui = new CatalogUi(fixture);
        var category = await ui.CategoryAsync(CatalogUi.Unique("Filtered"));
        var inside = await ui.ItemAsync(CatalogUi.Unique("INSIDE"), categoryId: category.Id);
        var outside = await ui.ItemAsync(CatalogUi.Unique("OUTSIDE"));
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Viewer, width, "/inventory");
        await using var _ = context;
        Assert.Equal(1, await page.Locator("#categoryId option").CountAsync()); // "Any category" only

        await page.ClickAsync("#categoryId + .ts-wrapper .ts-control");
        await Assertions.Expect(page.Locator("#categoryId-ts-dropdown .option[data-value]:not([data-value=''])").First).ToBeVisibleAsync();

        await page.Locator("#categoryId-ts-control").PressSequentiallyAsync(category.Name);
        await page.Locator($"#categoryId-ts-dropdown .option[data-value='{category.Id}']").ClickAsync();
        await page.ClickAsync("#item-filters button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains($"categoryId={category.Id}", StringComparison.Ordinal));
        await context.Audit.SettleAsync();

        Assert.Equal(1, await page.Locator($"tbody tr:has-text('{inside.Sku}')").CountAsync());
        Assert.Equal(0, await page.Locator($"tbody tr:has-text('{outside.Sku}')").CountAsync());
        Assert.Equal(category.Id.ToString(), await page.InputValueAsync("#categoryId"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "sideways scroll");
        Assert.Empty(blocked);
    }
}
