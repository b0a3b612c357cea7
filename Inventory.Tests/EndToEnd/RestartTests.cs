using System.Net;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.EndToEnd;

/// <summary>
/// The shared app is the AppHost's second run on its data directory; the fixture's first run made an item and
/// signed a person in, then stopped (<see cref="AppHostFixture.FirstRun"/>).
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed class RestartTests(AppHostFixture fixture)
{
    [Fact]
    public async Task Data_and_sessions_survive_stopping_and_starting_the_app_on_the_same_data_directory()
    {
        var first = fixture.FirstRun;
        Assert.Null(first.Failure);
        Assert.Equal(HttpStatusCode.Created, first.ItemCreated);
        Assert.NotNull(first.SessionCookie);
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = fixture.GatewayUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/inventory?search={first.Sku}");
        request.Headers.Add("Cookie", first.SessionCookie);

        var response = await client.SendAsync(request);

        // Same data directory: the item, and the data-protection keys behind the session cookie, survive.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(first.ItemName, await response.Content.ReadAsStringAsync());
    }
}
