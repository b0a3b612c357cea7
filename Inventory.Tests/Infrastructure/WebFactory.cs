using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Inventory.Tests.Infrastructure;

/// <summary>Hosts Web in memory in a chosen environment with chosen settings, on a real webdb.</summary>
public sealed class WebFactory(string environment, string webDbConnectionString, IDictionary<string, string?> settings)
    : WebApplicationFactory<WebDbContext>
{
    /// <summary>A client once Web reports ready: its migrations (users, data-protection keys) are applied in the background at start.</summary>
    public async Task<HttpClient> CreateReadyClientAsync(WebApplicationFactoryClientOptions? options = null)
    {
        var client = CreateClient(options ?? new WebApplicationFactoryClientOptions());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!(await client.GetAsync(Inventory.ServiceDefaults.HealthEndpoints.HealthPath, timeout.Token)).IsSuccessStatusCode)
            await Task.Delay(100, timeout.Token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.WebDb}", webDbConnectionString);
        builder.UseSetting("OTEL_SDK_DISABLED", "true");
        builder.UseSetting("Auth:SigningKey", SigningKeys.Generate().PrivateKeyPem);
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }
}
