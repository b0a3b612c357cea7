using System.Text.RegularExpressions;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;
using Microsoft.Playwright;

namespace Inventory.Tests.Browser;

/// <summary>
/// The item page's stock forms in a real browser: headed by their names, locations holding the item offered first, and
/// searchable pickers (Tom Select over <c>/pickers/locations</c>) that reach past the first 200 locations, by typing part
/// of a code or by scanning a whole one (typed, then Enter).
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed partial class PickerBrowserTests(BrowserAppFixture fixture)
{
    private const int LocationCount = 230;

    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task The_picker_finds_the_230th_location_by_part_of_its_code_and_a_scan_picks_an_exact_code(string width)
    {
        using var ui = new CatalogUi(fixture);
        // "ZZ" sorts the set after the other tests' locations, so its last ones are beyond the first 200 the page renders.
        var prefix = CatalogUi.Unique("ZZPICK");
        var locations = new List<Inventory.CatalogService.Locations.LocationDto>();
        for (var n = 1; n <= LocationCount; n++)
            locations.Add(await ui.WarehouseAsync($"{prefix}-{n:000}"));
        var (last, scanned) = (locations[^1], locations[^2]);
        var item = await ui.ItemAsync(CatalogUi.Unique("PICKED"));
        var url = $"/inventory/{item.Id}";
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Manager, width, url);
        await using var _ = context;

        Assert.Equal(["Issue", "Transfer", "Receive", "Adjust"],
            (await page.Locator("section[aria-labelledby='movement-heading'] h3").AllTextContentsAsync()).Select(t => t.Trim()));
        Assert.Equal(0, await page.Locator($"#Receive_LocationId option[value='{last.Id}']").CountAsync());

        // Part of the 230th code, typed into the picker: the server finds it, and the form books to it.
        await page.ClickAsync("#Receive_LocationId + .ts-wrapper .ts-control");
        await page.Locator("#Receive_LocationId-ts-control").PressSequentiallyAsync($"{prefix[^6..]}-{LocationCount}");
        var option = page.Locator($"#Receive_LocationId-ts-dropdown .option[data-value='{last.Id}']");
        await option.ClickAsync();
        Assert.Equal(last.Id.ToString(), await page.InputValueAsync("#Receive_LocationId"));
        await page.FillAsync("#Receive_Quantity", "5");
        await page.ClickAsync("#receive-submit");
        await page.WaitForSelectorAsync("#flash");
        Assert.Equal("Received 5.", (await page.TextContentAsync("#flash"))?.Trim());
        Assert.Equal("5", (await page.TextContentAsync($"#stock tr[data-location='{last.Code}'] [data-field='onHand']"))?.Trim());

        // The location holding the item now comes first in Transfer's "from", with the quantity there.
        var first = page.Locator("#Transfer_LocationId option[value]:not([value=''])").First;
        Assert.Equal(last.Id.ToString(), await first.GetAttributeAsync("value"));
        Assert.Equal($"{last.Code} · {last.Name} — 5 each", (await first.TextContentAsync())?.Trim());

        // A scanner types the whole code and Enter: exactly that location is chosen, though it was never rendered.
        await page.ClickAsync("#Transfer_LocationId + .ts-wrapper .ts-control");
        await page.Locator($"#Transfer_LocationId-ts-dropdown .option[data-value='{last.Id}']").ClickAsync();
        await page.ClickAsync("#Transfer_ToLocationId + .ts-wrapper .ts-control");
        await page.Locator("#Transfer_ToLocationId-ts-control").FillAsync(scanned.Code);
        await page.Locator("#Transfer_ToLocationId-ts-control").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#Transfer_ToLocationId")).ToHaveValueAsync(scanned.Id.ToString());
        Assert.EndsWith(url, page.Url, StringComparison.Ordinal); // Enter chose; it did not submit the form
        Assert.False(await page.IsVisibleAsync("#Transfer_ToLocationId-ts-dropdown"), "the list stays closed after a scan");
        await page.FillAsync("#Transfer_Quantity", "2");
        await page.ClickAsync("#transfer-submit");
        await page.WaitForSelectorAsync("#flash");
        Assert.Equal("Transferred 2.", (await page.TextContentAsync("#flash"))?.Trim());
        Assert.Equal("2", (await page.TextContentAsync($"#stock tr[data-location='{scanned.Code}'] [data-field='onHand']"))?.Trim());

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "sideways scroll");
        Assert.Empty(blocked);
    }

    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task A_stock_form_renders_only_its_chosen_locations_and_books_to_the_230th_found_by_typing(string width)
    {
        using var ui = new CatalogUi(fixture);
        var prefix = CatalogUi.Unique("ZZFORM");
        Inventory.CatalogService.Locations.LocationDto last = null!;
        for (var n = 1; n <= LocationCount; n++)
            last = await ui.WarehouseAsync($"{prefix}-{n:000}");
        var item = await ui.ItemAsync(CatalogUi.Unique("FORMED"));
        var url = $"/inventory/{item.Id}";
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Manager, width, url);
        await using var _ = context;
        // The item holds nothing and nothing is chosen: the server renders no location into any of its forms.
        Assert.Empty(LocationOptions(await ServedHtmlAsync(page)));

        // A refused receipt (nothing received) comes back with the error at its field and the typed-for location still chosen.
        await context.Audit.SettleAsync();
        await page.ChooseAsync("Receive_LocationId", $"{prefix[^6..]}-{LocationCount}", last.Id);
        await page.FillAsync("#Receive_Quantity", "0");
        await page.ClickAsync("#receive-submit");
        await page.WaitForURLAsync(u => u.Contains("handler=Receive", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-valmsg-for='Receive.Quantity']")).Not.ToBeEmptyAsync();
        Assert.Equal(last.Id.ToString(), await page.InputValueAsync("#Receive_LocationId"));
        Assert.Equal([last.Id.ToString()], LocationOptions(await ServedHtmlAsync(page, again: false)));

        await page.FillAsync("#Receive_Quantity", "5");
        await page.ClickAsync("#receive-submit");
        await page.WaitForSelectorAsync("#flash");
        await context.Audit.SettleAsync();
        Assert.Equal("Received 5.", (await page.TextContentAsync("#flash"))?.Trim());
        Assert.Equal("5", (await page.TextContentAsync($"#stock tr[data-location='{last.Code}'] [data-field='onHand']"))?.Trim());
        // Now it holds stock there: that location, in every location field, and no other.
        Assert.Equal([last.Id.ToString()], LocationOptions(await ServedHtmlAsync(page)));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "sideways scroll");
        Assert.Empty(blocked);
    }

    /// <summary>
    /// The page as the server renders it, asked again with the browser's cookies; for a refused post (which cannot be asked
    /// again), the page as shown before any picker is opened (Tom Select adds to a select only what the user chose).
    /// </summary>
    private static Task<string> ServedHtmlAsync(IPage page, bool again = true) =>
        again ? page.EvaluateAsync<string>("fetch(location.href).then(r => r.text())") : page.ContentAsync();

    private static List<string> LocationOptions(string html) =>
        [.. LocationOption().Matches(html).Select(m => m.Groups[1].Value).Distinct()];

    [GeneratedRegex("<option[^>]*value=\"([0-9a-f]{8}-[0-9a-f-]{27})\"")]
    private static partial Regex LocationOption();
}
