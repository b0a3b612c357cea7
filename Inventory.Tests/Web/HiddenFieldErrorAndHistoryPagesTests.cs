using System.Net;
using System.Text.RegularExpressions;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>
/// Errors about fields a form carries hidden (or a header) show above the form instead of nowhere; the users page
/// shows who changed whom through the one history partial.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed partial class HiddenFieldErrorAndHistoryPagesTests(WebAppFixture fixture) : IDisposable
{
    private readonly CatalogUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task An_error_on_the_preferred_supplier_the_item_form_carries_hidden_shows_above_the_form_and_saves_nothing()
    {
        var item = await _ui.ItemAsync(CatalogUi.Unique("PREF"));
        using var manager = await _ui.SignInAsync(Roles.Manager);
        var editUrl = $"/inventory/{item.Id}/edit";
        var form = await Html.ReadAsync(await manager.GetAsync(editUrl));

        var response = await manager.SubmitFormAsync(editUrl, editUrl, new Dictionary<string, string>
        {
            ["Input.Version"] = Html.InputValue(form, "Input.Version")!,
            ["Input.PreferredSupplierId"] = Guid.Empty.ToString(),
            ["Input.Sku"] = item.Sku,
            ["Input.Name"] = "Renamed",
            ["Input.Unit"] = "each",
            ["Input.UnitCost"] = "1",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("Preferred supplier: Not a valid supplier id.", CatalogUi.Text(page, "form-errors"));
        Assert.Equal("Renamed", Html.InputValue(page, "Input.Name"));
        Assert.Equal($"Item {item.Sku}", (await _ui.GetItemAsync(item.Id)).Name);
    }

    [Fact]
    public async Task A_refused_idempotency_key_shows_above_the_form()
    {
        var item = await _ui.ItemAsync(CatalogUi.Unique("KEY"));
        var warehouse = await _ui.WarehouseAsync(CatalogUi.Unique("WH"));
        await _ui.ReceiveAsync(item.Id, warehouse.Id, 5);
        using var clerk = await _ui.SignInAsync(Roles.Clerk);
        var url = $"/inventory/{item.Id}";

        var response = await clerk.SubmitFormAsync(url, $"{url}?handler=Issue", new Dictionary<string, string>
        {
            ["Issue.LocationId"] = warehouse.Id.ToString(),
            ["Issue.Quantity"] = "1",
            ["Issue.IdempotencyKey"] = new string('k', 300),
        });

        var page = Html.Decode(await Html.ReadAsync(response));
        Assert.Contains("Idempotency-Key", CatalogUi.Text(page, "form-errors"));
        Assert.Equal(5m, (await _ui.GetItemAsync(item.Id)).OnHand);
    }

    [Fact]
    public async Task The_users_page_shows_who_changed_a_users_role_from_what_to_what()
    {
        var email = $"history-{Guid.NewGuid():N}@{AppHostFixture.AllowedDomain}";
        (await fixture.SignInAsync(email, Roles.Clerk)).Dispose();
        using var admin = await fixture.SignInAsync(SignIn.AdminEmail);

        var page = Html.Decode(await Html.ReadAsync(await admin.GetAsync("/admin/users")));

        var history = Regex.Match(page, "id=\"user-history\".*?</ol>", RegexOptions.Singleline).Value;
        var entries = Entry().Matches(history).Select(m => Regex.Replace(Regex.Replace(m.Groups[1].Value, "<[^>]+>", " "), "\\s+", " ").Trim())
            .Where(e => e.StartsWith(email, StringComparison.Ordinal)).ToList();
        var shown = string.Join("\n", entries);
        Assert.True(entries.Any(e => e.Contains($"update by {AppHostFixture.AdminEmail}") && e.Contains("role: Viewer → Clerk")), shown);
        Assert.True(entries.Any(e => e.Contains("create by sign-in")), shown);
    }

    [GeneratedRegex("<li class=\"mb-2\" data-action=\"\\w+\">(.*?)</li>\\s*(?=<li class=\"mb-2\"|</ol>)", RegexOptions.Singleline)]
    private static partial Regex Entry();
}
