using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// Hosts one service in memory against a database on the test server. <typeparamref name="TMarker"/> is
/// any type of the service's assembly (each service's own Program would be ambiguous here).
/// </summary>
public sealed class ServiceFactory<TMarker>(string connectionName, string connectionString) : WebApplicationFactory<TMarker>
    where TMarker : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{connectionName}", connectionString);
        builder.UseSetting("OTEL_SDK_DISABLED", "true");
    }
}
