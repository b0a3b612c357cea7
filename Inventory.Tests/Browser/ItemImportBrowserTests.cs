using System.Text;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;
using Microsoft.Playwright;

namespace Inventory.Tests.Browser;

/// <summary>
/// A large import in a real browser: the upload shows its progress and then "Validating and importing…", and the
/// inventory says what was imported.
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class ItemImportBrowserTests(BrowserAppFixture fixture)
{
    private const int Rows = 10_000;

    // Notes every state the import status shows in sessionStorage, which outlives the navigation that ends the import.
    private const string RecordStates = """
        () => {
          const status = document.getElementById('import-status');
          const note = () => {
            if (status.hidden) return;
            const seen = JSON.parse(sessionStorage.getItem('import-states') || '[]');
            const text = document.getElementById('import-state').textContent + (document.getElementById('import-progress').hasAttribute('value') ? '' : ' (indeterminate)');
            if (!seen.includes(text)) sessionStorage.setItem('import-states', JSON.stringify([...seen, text]));
          };
          new MutationObserver(note).observe(status, { attributes: true, childList: true, subtree: true, characterData: true });
        }
        """;

    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task A_ten_thousand_row_semicolon_file_uploads_with_progress_and_the_inventory_says_what_was_imported(string width)
    {
        var prefix = CatalogUi.Unique("IMP");
        var csv = new StringBuilder("sku;name;unit;unitCost\r\n");
        for (var i = 0; i < Rows; i++)
            csv.Append(prefix).Append('-').Append(i).Append(";Imported ").Append(i).Append(";each;1,25\r\n");
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Manager, width, "/inventory/import");
        await using var _ = context;
        await page.EvaluateAsync(RecordStates);
        await page.SetInputFilesAsync("#Upload", new FilePayload
        {
            Name = "items.csv", MimeType = "text/csv", Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())],
        });

        await page.ClickAsync("#import");
        await page.WaitForURLAsync(url => url.EndsWith("/inventory", StringComparison.Ordinal), new() { Timeout = 120_000 });

        Assert.Contains($"Imported items.csv: {Rows} created, 0 updated, 0 unchanged.", await page.Locator("main").TextContentAsync());
        var states = await page.EvaluateAsync<string[]>("JSON.parse(sessionStorage.getItem('import-states') || '[]')");
        Assert.Contains("Uploading…", states);
        Assert.Contains("Validating and importing… (indeterminate)", states);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        Assert.Empty(blocked);
    }

    [Theory]
    [MemberData(nameof(HeadlessChromium.Widths), MemberType = typeof(HeadlessChromium))]
    public async Task A_refused_file_shows_every_error_in_place_and_the_fixed_file_then_imports(string width)
    {
        var sku = CatalogUi.Unique("REF");
        var (context, page, blocked) = await fixture.SignedInPageAsync(Roles.Manager, width, "/inventory/import");
        await using var _ = context;

        await page.SetInputFilesAsync("#Upload", File("bad.csv", $"sku\tname\tunit\tunitCost\n{sku}\t\teach\tcheap\n"));
        await page.ClickAsync("#import");
        await page.Locator("#import-errors").WaitForAsync();

        Assert.Equal(["row 2: name", "row 2: unitCost"], await page.Locator("#import-errors [data-field='where']").AllTextContentsAsync());
        Assert.EndsWith("/inventory/import", page.Url, StringComparison.Ordinal);
        await page.SetInputFilesAsync("#Upload", File("good.csv", $"sku\tname\tunit\tunitCost\n{sku}\tFixed\teach\t2\n"));
        await page.ClickAsync("#import");
        await page.WaitForURLAsync(url => url.EndsWith("/inventory", StringComparison.Ordinal));
        Assert.Contains("Imported good.csv: 1 created", await page.Locator("main").TextContentAsync());
        Assert.Empty(blocked);
    }

    private static FilePayload File(string name, string csv) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) };
}
