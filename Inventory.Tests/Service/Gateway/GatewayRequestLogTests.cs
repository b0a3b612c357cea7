using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inventory.Tests.Service.Gateway;

/// <summary>
/// The gateway writes one request line per proxied request — a page and a static file alike — with the fields
/// operations.md names, and none for health probes.
/// </summary>
public sealed class GatewayRequestLogTests
{
    [Fact]
    public async Task Each_proxied_request_is_one_line_with_its_fields_and_a_probe_none()
    {
        await using var gateway = await InProcessGateway.StartAsync();
        var logs = new CapturingLoggerProvider();
        gateway.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        using var client = gateway.CreateClient();

        await client.GetAsync("/inventory?search=x");
        await client.GetAsync("/css/site.css");
        await client.GetAsync(HealthEndpoints.HealthPath);

        // The line is written as the request ends, which may be a moment after the client has the response.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Lines(logs).Count < 2)
            await Task.Delay(20, patience.Token);
        await Task.Delay(200, patience.Token); // a third line, if one were coming, has had its chance
        var lines = Lines(logs);
        Assert.Equal(["/inventory", "/css/site.css"], lines.Select(l => l["Path"]));
        var page = lines[0];
        Assert.Equal("GET", page["Method"]);
        Assert.Equal("200", page["StatusCode"]);
        Assert.Equal("127.0.0.1", page["ClientIp"]);
        Assert.Matches("^[0-9a-f]{32}$", page["TraceId"]!);
        Assert.True(double.TryParse(page["Duration"], System.Globalization.CultureInfo.InvariantCulture, out _), $"duration was {page["Duration"]}");
        Assert.True(page.ContainsKey("UserId"));
    }

    private static List<Dictionary<string, string?>> Lines(CapturingLoggerProvider logs) =>
        logs.Entries.Where(e => e.Category.StartsWith(RequestLogging.Category, StringComparison.Ordinal))
            .Select(e => e.State.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString())).ToList();
}
