using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Aspire.Hosting.Testing;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.EndToEnd;

/// <summary>
/// Two AppHosts of its own, one after the other, on one data directory. Not in the shared AppHost's collection:
/// every AppHost in the tests takes free ports, so this runs beside it.
/// </summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Data_and_sessions_survive_stopping_and_starting_the_app_on_the_same_data_directory()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("inventory-restart-");
        var keys = SigningKeys.Generate();
        string[] args = [$"--Parameters:web-signing-key={keys.PrivateKeyPem}", $"--Parameters:web-signing-public-key={keys.PublicKeyPem}"];
        string cookie;
        try
        {
            await using (var first = await AppHostFixture.StartAsync(dataDirectory.FullName, args))
            {
                var catalog = first.CreateHttpClient(ResourceNames.Catalog);
                catalog.DefaultRequestHeaders.Authorization = new("Bearer", new TokenMinter(TokenClaims.UserIssuer, keys.PrivateKeyPem, TimeProvider.System)
                    .Mint(ResourceNames.Catalog, [new Claim(TokenClaims.Subject, "keeper"), new Claim(TokenClaims.Role, Roles.Manager)]));
                var created = await catalog.PostAsJsonAsync("/api/items", new { sku = "KEEP-1", name = "Kept across restarts", unit = "each" });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);

                // Without Google configured, the Development environment offers development sign-in.
                using var browser = new BrowserSession(first.GetEndpoint(ResourceNames.Gateway, "http"));
                var signedIn = await browser.SubmitFormAsync("/login", "/login?handler=Dev",
                    new Dictionary<string, string> { ["Dev.Email"] = "keeper@example.test", ["Dev.Role"] = Roles.Viewer });
                Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
                cookie = browser.SetCookieHeaders.Last(h => h.StartsWith("__Host-Inventory=", StringComparison.Ordinal)).Split(';')[0];
            }

            // Same data directory: the item, and the data-protection keys behind the session cookie, survive.
            await using var second = await AppHostFixture.StartAsync(dataDirectory.FullName, args);
            using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
                { BaseAddress = second.GetEndpoint(ResourceNames.Gateway, "http") };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/inventory");
            request.Headers.Add("Cookie", cookie);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Kept across restarts", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            dataDirectory.Delete(recursive: true);
        }
    }
}
