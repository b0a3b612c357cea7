using System.Net;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Web;

/// <summary>
/// The dashboard with one of its services down (a Web of its own, so its breakers trouble no other test): the page
/// still renders, says which service is not answering, and shows what the other service gave.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class DashboardOutagePagesTests(WebAppFixture fixture) : IAsyncLifetime
{
    private readonly LinkFaults _catalog = new();
    private readonly LinkFaults _procurement = new();
    private WebFactory _web = null!;
    private Uri _address = null!;

    public async Task InitializeAsync() =>
        (_web, _address) = await WebAppFixture.StartWebAsync(fixture.Services, fixture.OAuth, catalogLink: _catalog, procurementLink: _procurement);

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task With_procurement_down_the_charts_render_and_purchasing_says_procurement_is_not_answering()
    {
        using var viewer = await SignIn.NewPersonAsync(_address, Roles.Viewer);
        _procurement.Down = true;
        // Movements per day always has its 30 days, whatever the catalog holds.

        var answer = await viewer.GetAsync("/dashboard");
        var page = Html.Decode(await Html.ReadAsync(answer));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("The procurement service is not answering right now", page);
        Assert.Contains("data-dashboard-chart=\"movements-per-day-chart\"", page);
        Assert.DoesNotContain("id=\"open-orders\"", page);
    }

    [Fact]
    public async Task With_the_catalog_down_purchasing_renders_and_the_charts_say_the_catalog_is_not_answering()
    {
        using var viewer = await SignIn.NewPersonAsync(_address, Roles.Viewer);
        _catalog.Down = true;

        var answer = await viewer.GetAsync("/dashboard");
        var page = Html.Decode(await Html.ReadAsync(answer));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("The catalog service is not answering right now", page);
        Assert.Contains("id=\"open-orders\"", page);
        Assert.DoesNotContain("data-dashboard-chart", page);
    }
}
