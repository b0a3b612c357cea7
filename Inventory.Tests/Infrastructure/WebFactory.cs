using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// Hosts Web in memory in a chosen environment with chosen settings, on a real webdb. It signs user tokens
/// with <paramref name="signingKey"/> (a fresh key unless given).
/// </summary>
public sealed class WebFactory(string environment, string webDbConnectionString, IDictionary<string, string?> settings,
    string? signingKey = null, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<WebDbContext>
{
    /// <summary>A client once Web reports ready: its migrations (users, data-protection keys) are applied in the background at start.</summary>
    public async Task<HttpClient> CreateReadyClientAsync(WebApplicationFactoryClientOptions? options = null)
    {
        var client = CreateClient(options ?? new WebApplicationFactoryClientOptions());
        await WaitUntilHealthyAsync(client);
        return client;
    }

    /// <summary>Polls the health endpoint until the app behind <paramref name="client"/> reports ready (a minute at most).</summary>
    public static async Task WaitUntilHealthyAsync(HttpClient client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!(await client.GetAsync(HealthEndpoints.HealthPath, timeout.Token)).IsSuccessStatusCode)
            await Task.Delay(50, timeout.Token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.WebDb}", webDbConnectionString);
        builder.UseSetting("OTEL_SDK_DISABLED", "true");
        builder.UseSetting("Auth:SigningKey", signingKey ?? SigningKeys.Generate().PrivateKeyPem);
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        if (configureServices is not null)
            builder.ConfigureTestServices(configureServices);
    }
}
