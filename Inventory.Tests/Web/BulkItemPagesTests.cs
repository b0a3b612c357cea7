using System.Net;
using System.Text.RegularExpressions;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>The item list's bulk actions on ticked rows: archive (Manager, each item as the list showed it) and export.</summary>
[Collection(WebAppCollection.Name)]
public sealed partial class BulkItemPagesTests(WebAppFixture fixture) : IDisposable
{
    private readonly CatalogUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task A_bulk_archive_archives_the_items_as_listed_and_names_the_one_changed_since_with_why()
    {
        var prefix = CatalogUi.Unique("BULK");
        var (a, b, c) = (await _ui.ItemAsync($"{prefix}-A"), await _ui.ItemAsync($"{prefix}-B"), await _ui.ItemAsync($"{prefix}-C"));
        using var manager = await _ui.SignInAsync(Roles.Manager);
        var list = await Html.ReadAsync(await manager.GetAsync($"/inventory?search={prefix}"));
        await _ui.RenameItemAsync(await _ui.GetItemAsync(c.Id), "Renamed meanwhile"); // c is no longer what the list shows

        var response = await ArchiveAsync(manager, list, Selected(list));

        Assert.Equal("/inventory", response.RequestMessage!.RequestUri!.AbsolutePath);
        var flash = CatalogUi.Text(await Html.ReadAsync(response), "flash");
        Assert.StartsWith($"Archived 2 items: {a.Sku}, {b.Sku}. Not archived — {c.Sku}: changed since the list was shown", flash);
        Assert.Equal((true, true, false), ((await _ui.GetItemAsync(a.Id)).IsArchived, (await _ui.GetItemAsync(b.Id)).IsArchived,
            (await _ui.GetItemAsync(c.Id)).IsArchived));
    }

    [Fact]
    public async Task Two_bulk_archives_racing_over_the_same_items_archive_each_once_with_one_audit_entry()
    {
        var prefix = CatalogUi.Unique("RACE");
        var items = new[] { await _ui.ItemAsync($"{prefix}-1"), await _ui.ItemAsync($"{prefix}-2"), await _ui.ItemAsync($"{prefix}-3") };
        using var first = await _ui.SignInAsync(Roles.Manager);
        using var second = await _ui.SignInAsync(Roles.Manager);
        var (list1, list2) = (await Html.ReadAsync(await first.GetAsync($"/inventory?search={prefix}")),
            await Html.ReadAsync(await second.GetAsync($"/inventory?search={prefix}")));

        var responses = await Task.WhenAll(ArchiveAsync(first, list1, Selected(list1)), ArchiveAsync(second, list2, Selected(list2)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("/inventory", r.RequestMessage!.RequestUri!.AbsolutePath));
        // Whichever came second found the items archived already: that is done, not refused.
        foreach (var response in responses)
            Assert.StartsWith("Archived 3 items:", CatalogUi.Text(await Html.ReadAsync(response), "flash"));
        foreach (var item in items)
        {
            Assert.True((await _ui.GetItemAsync(item.Id)).IsArchived);
            Assert.Equal(1, (await _ui.AuditActionsAsync("item", item.Id)).Count(action => action == AuditActions.Archive));
        }
    }

    [Fact]
    public async Task Export_selected_downloads_only_the_ticked_items_and_a_viewer_is_offered_no_archive()
    {
        var prefix = CatalogUi.Unique("PICKCSV");
        var (a, b, c) = (await _ui.ItemAsync($"{prefix}-A"), await _ui.ItemAsync($"{prefix}-B"), await _ui.ItemAsync($"{prefix}-C"));
        using var viewer = await _ui.SignInAsync(Roles.Viewer);
        var list = await Html.ReadAsync(await viewer.GetAsync($"/inventory?search={prefix}"));
        var ticked = Selected(list).Where(v => !v.EndsWith($":{b.Sku}", StringComparison.Ordinal)).ToList();

        var response = await viewer.SendAsync(HttpMethod.Post, $"/inventory?search={prefix}&handler=ExportSelected", Form(list, ticked), follow: true);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\n{a.Sku},", csv);
        Assert.Contains($"\n{c.Sku},", csv);
        Assert.DoesNotContain(b.Sku, csv);
        Assert.False(Html.HasId(list, "archive-selected"));
        Assert.True(Html.HasId(list, "export-selected"));
        var refused = await ArchiveAsync(viewer, list, ticked);
        Assert.Equal("/access-denied", refused.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.False((await _ui.GetItemAsync(a.Id)).IsArchived);
    }

    [Fact]
    public async Task Print_labels_opens_the_label_sheet_of_the_ticked_items_only()
    {
        var prefix = CatalogUi.Unique("PICKLBL");
        var (a, b, c) = (await _ui.ItemAsync($"{prefix}-A"), await _ui.ItemAsync($"{prefix}-B"), await _ui.ItemAsync($"{prefix}-C"));
        using var viewer = await _ui.SignInAsync(Roles.Viewer);
        var list = await Html.ReadAsync(await viewer.GetAsync($"/inventory?search={prefix}"));
        var ticked = Selected(list).Where(v => !v.EndsWith($":{b.Sku}", StringComparison.Ordinal)).ToList();

        var response = await viewer.SendAsync(HttpMethod.Post, $"/inventory?search={prefix}&handler=PrintLabels", Form(list, ticked), follow: true);

        Assert.Equal("/labels/items", response.RequestMessage!.RequestUri!.AbsolutePath);
        var sheet = await Html.ReadAsync(response);
        // Without a barcode of their own, the items' labels encode their SKUs.
        Assert.Contains($"data-code=\"{a.Sku}\"", sheet);
        Assert.Contains($"data-code=\"{c.Sku}\"", sheet);
        Assert.DoesNotContain(b.Sku, sheet);
        Assert.True(Html.HasId(list, "print-selected"));
    }

    private static Task<HttpResponseMessage> ArchiveAsync(BrowserSession session, string list, IReadOnlyList<string> selected) =>
        session.SendAsync(HttpMethod.Post, "/inventory?handler=ArchiveSelected", Form(list, selected), follow: true);

    /// <summary>The bulk form as a browser posts it: every ticked box under the one name, and the form's Idempotency-Key.</summary>
    private static FormUrlEncodedContent Form(string list, IReadOnlyList<string> selected) =>
        new([.. selected.Select(v => new KeyValuePair<string, string>("selected", v)),
            new("IdempotencyKey", Html.InputValue(list, "IdempotencyKey")!),
            new("__RequestVerificationToken", BrowserSession.AntiforgeryTokenOf(list))]);

    private static IReadOnlyList<string> Selected(string list) =>
        [.. CheckboxValue().Matches(list).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("name=\"selected\" value=\"([^\"]+)\"")]
    private static partial Regex CheckboxValue();
}
