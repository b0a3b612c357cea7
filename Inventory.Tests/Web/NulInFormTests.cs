using System.Net;
using System.Text.RegularExpressions;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>
/// A NUL character typed (or pasted, or forged) into a form is a field error on the form, like any other invalid
/// value, never the generic error page; and nothing is saved.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class NulInFormTests(WebAppFixture fixture) : IDisposable
{
    private readonly ProcurementUi _ui = new(fixture);

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task A_supplier_name_with_a_nul_is_shown_next_to_the_name_and_nothing_is_saved()
    {
        var contact = ProcurementUi.Unique("Contact");
        using var manager = await _ui.SignInAsync(Roles.Manager);

        var response = await manager.SubmitFormAsync("/suppliers/new", "/suppliers/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Acme\0Tools",
            ["Input.ContactName"] = contact,
        });

        await AssertFieldErrorAsync(response, "/suppliers/new", "Input.Name");
        Assert.Empty(await _ui.FindSuppliersAsync(contact));
    }

    [Fact]
    public async Task An_item_name_with_a_nul_is_shown_next_to_the_name()
    {
        using var manager = await _ui.SignInAsync(Roles.Manager);

        var response = await manager.SubmitFormAsync("/inventory/new", "/inventory/new", new Dictionary<string, string>
        {
            ["Input.Sku"] = CatalogUi.Unique("NUL"),
            ["Input.Name"] = "Torque\0wrench",
            ["Input.Unit"] = "each",
        });

        await AssertFieldErrorAsync(response, "/inventory/new", "Input.Name");
    }

    [Fact]
    public async Task A_category_name_with_a_nul_is_shown_next_to_the_name()
    {
        using var manager = await _ui.SignInAsync(Roles.Manager);

        var response = await manager.SubmitFormAsync("/categories/edit", "/categories/edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "Tools\0",
        });

        await AssertFieldErrorAsync(response, "/categories/edit", "Input.Name");
    }

    [Theory]
    [InlineData("/suppliers?search=%00")]
    [InlineData("/inventory?search=a%00b")]
    [InlineData("/purchase-orders?status=%00")]
    public async Task A_search_with_a_nul_is_not_the_error_page(string url)
    {
        using var viewer = await _ui.SignInAsync(Roles.Viewer);

        var response = await viewer.GetAsync(url);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{url} answered {response.StatusCode}");
        Assert.DoesNotContain("Something went wrong", await Html.ReadAsync(response));
    }

    private static async Task AssertFieldErrorAsync(HttpResponseMessage response, string path, string field)
    {
        var page = await Html.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {Regex.Match(page, "<main.*?</main>", RegexOptions.Singleline).Value}");
        Assert.Equal(path, response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("Something went wrong", page);
        Assert.Equal(TextFields.NulMessage, Html.FieldError(page, field));
    }
}
