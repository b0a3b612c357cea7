using System.Net.Http.Headers;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// Hosts one service in memory against a database on the test server, trusting <see cref="TestTokens"/>'
/// keys. <typeparamref name="TMarker"/> is any type of the service's assembly (each service's own Program
/// would be ambiguous here).
/// </summary>
public sealed class ServiceFactory<TMarker>(string audience, string connectionName, string connectionString, TestTokens tokens,
    Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<TMarker> where TMarker : class
{
    public TestTokens Tokens => tokens;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{connectionName}", connectionString);
        builder.UseSetting("OTEL_SDK_DISABLED", "true");
        builder.UseSetting(ServiceAuthentication.UserPublicKeySetting, tokens.Web.PublicKeyPem);
        builder.UseSetting(ServiceAuthentication.ServicePublicKeySetting(ResourceNames.Procurement), tokens.Procurement.PublicKeyPem);
        // Procurement signs its calls to the catalog with its own key.
        builder.UseSetting("Auth:SigningKey", tokens.Procurement.PrivateKeyPem);
        // The catalog's background fold writes the dashboard's category totals on its own clock: in tests it would race
        // the resets (TRUNCATE) and the "a refused request writes nothing" snapshots. DashboardFoldTests run the fold
        // themselves (and check that the service registers it).
        builder.UseSetting(Inventory.CatalogService.Stock.DashboardFold.IntervalSetting, "1.00:00:00");
        if (configureServices is not null)
            builder.ConfigureTestServices(configureServices);
    }

    /// <summary>A client calling as a signed-in user with <paramref name="role"/>.</summary>
    public HttpClient CreateClientAs(string role, string userId = "user-1") =>
        WithBearer(CreateClient(), tokens.UserToken(audience, role, userId));

    /// <summary>A client calling as the procurement service's own identity.</summary>
    public HttpClient CreateServiceClient() => WithBearer(CreateClient(), tokens.ServiceToken(audience));

    private static HttpClient WithBearer(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
