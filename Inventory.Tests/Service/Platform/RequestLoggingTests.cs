using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Inventory.Tests.Service.Platform;

[Collection(PlatformCollection.Name)]
public sealed class RequestLoggingTests(ServicesFixture fixture)
{
    [Fact]
    public async Task Each_request_is_one_log_line_with_method_path_status_duration_user_client_and_trace()
    {
        var logs = new CapturingLoggerProvider();
        using var host = fixture.Catalog.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Tokens.UserToken(ResourceNames.Catalog, Roles.Viewer, userId: "logged-user"));

        await client.GetAsync("/api/items?pageSize=1");
        await client.GetAsync(HealthEndpoints.HealthPath);

        var lines = logs.Entries.Where(e => e.Category == RequestLogging.Category).ToList();
        var line = Assert.Single(lines);
        Assert.Equal(LogLevel.Information, line.Level);
        var fields = line.State.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString());
        Assert.Equal("GET", fields["Method"]);
        Assert.Equal("/api/items", fields["Path"]);
        Assert.Equal("200", fields["StatusCode"]);
        Assert.Equal("logged-user", fields["UserId"]);
        Assert.True(fields.ContainsKey("ClientIp"));
        Assert.Matches("^[0-9a-f]{32}$", fields["TraceId"]!);
        Assert.True(double.TryParse(fields["Duration"], System.Globalization.CultureInfo.InvariantCulture, out _), $"duration was {fields["Duration"]}");
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Testing", true)]
    [InlineData("Development", false)]
    public void Outside_development_the_console_log_is_json(string environment, bool json)
    {
        using var host = fixture.Catalog.WithWebHostBuilder(b => b.UseEnvironment(environment));

        var options = host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var providers = host.Services.GetServices<ILoggerProvider>().Select(p => p.GetType().Name).ToList();

        Assert.Equal(json, options.FormatterName == ConsoleFormatterNames.Json);
        Assert.Contains("ConsoleLoggerProvider", providers);
    }
}
