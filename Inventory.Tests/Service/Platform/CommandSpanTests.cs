using System.Collections.Concurrent;
using System.Diagnostics;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Inventory.Tests.Service.Platform;

/// <summary>What a database command's span carries (<see cref="CommandSpans"/>), from a real request to the catalog.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CommandSpanTests(ServicesFixture fixture)
{
    [Fact]
    public async Task A_commands_span_has_its_statement_and_server_but_not_the_connection_string()
    {
        var ended = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = ended.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        // The request's own trace, so that other tests' commands in this process are told apart.
        var trace = ActivityTraceId.CreateRandom();
        // OpenTelemetry on, as in a running service (the test hosts turn it off), so its processors see the spans.
        using var host = fixture.Catalog.WithWebHostBuilder(b => b.UseSetting("OTEL_SDK_DISABLED", "false"));
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Tokens.UserToken(ResourceNames.Catalog, Roles.Viewer));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/items?pageSize=1");
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");

        (await client.SendAsync(request)).EnsureSuccessStatusCode();

        var commands = ended.Where(a => a.Source.Name == "Npgsql" && a.TraceId == trace).ToList();
        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            Assert.Contains("items", command.GetTagItem("db.query.text") as string);
            Assert.Equal("postgresql", command.GetTagItem("db.system.name"));
            Assert.NotNull(command.GetTagItem("server.address"));
            Assert.Null(command.GetTagItem(CommandSpans.DataSourceTag));
        }
    }
}
