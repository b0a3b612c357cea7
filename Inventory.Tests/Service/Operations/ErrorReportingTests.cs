using System.Net;
using System.Text;
using System.Text.Json;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Tests.Service.Operations;

/// <summary>Sentry error reports of a real service host (the catalog), sent to a fake Sentry ingest on loopback.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ErrorReportingTests(ServicesFixture fixture)
{
    private const string Email = "reported-person@example.test";
    private const string UserId = "reported-user-id";
    private const string ClientAddress = "203.0.113.7";

    [Fact]
    public async Task An_unhandled_error_is_reported_with_its_exception_type_and_the_user_id_but_no_email_address_or_credentials()
    {
        await using var ingest = await LoopbackIngest.StartAsync();
        var host = fixture.Catalog.WithWebHostBuilder(b => b
            .UseSetting(ErrorReporting.DsnSetting, $"http://public-key@127.0.0.1:{ingest.Address.Port}/1")
            // Configuration may not turn Sentry's own personal data collection back on.
            .UseSetting("Sentry:SendDefaultPii", "true")
            .ConfigureTestServices(services => services.AddTransient<IStartupFilter, FailingEndpoint>()));
        try
        {
            var client = host.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", fixture.Tokens.UserToken(ResourceNames.Catalog, Roles.Viewer, UserId, Email));
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{FailingEndpoint.Path}?search={Email}");
            request.Headers.Add("Cookie", $"note={Email}");
            request.Headers.Add("X-Forwarded-For", ClientAddress);

            var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            await ingest.WaitForAsync(p => p.Path == "/api/1/envelope/" && Events(p).Any(), TimeSpan.FromSeconds(10));
        }
        finally
        {
            // Sends whatever Sentry still queues, so the checks below see every report of the request.
            await host.DisposeAsync();
        }

        // One error, one report (Sentry sees it twice: the exception handler's error log and the handled exception).
        var report = Assert.Single(ingest.Posts.SelectMany(Events).ToList());
        var exceptionTypes = report.GetProperty("exception").GetProperty("values").EnumerateArray().Select(e => e.GetProperty("type").GetString());
        Assert.Contains(exceptionTypes, type => type!.EndsWith(nameof(ShelfCollapsedException)));
        var user = report.GetProperty("user");
        Assert.Equal(UserId, user.GetProperty("id").GetString());
        Assert.Equal(["id"], user.EnumerateObject().Select(p => p.Name));
        Assert.Matches("^[0-9a-f]{32}$", report.GetProperty("tags").GetProperty("TraceId").GetString()!);
        var headers = report.GetProperty("request").GetProperty("headers").EnumerateObject().Select(h => h.Name).ToList();
        Assert.DoesNotContain(headers, h => h is "Authorization" or "Cookie" or "X-Forwarded-For");
        Assert.False(report.GetProperty("request").TryGetProperty("query_string", out _), "the query string may name a person");
        foreach (var post in ingest.Posts)
        {
            var sent = Encoding.UTF8.GetString(post.Body);
            Assert.DoesNotContain(Email, sent);
            Assert.DoesNotContain(ClientAddress, sent);
        }
    }

    [Fact]
    public void Without_a_dsn_nothing_is_reported()
    {
        Assert.Null(fixture.Catalog.Services.GetService<Sentry.IHub>());
    }

    /// <summary>The events in a Sentry envelope: each item header of type "event" is followed by the event on the next line.</summary>
    private static IEnumerable<JsonElement> Events(LoopbackIngest.Post post)
    {
        var lines = Encoding.UTF8.GetString(post.Body).Split('\n');
        for (var i = 1; i + 1 < lines.Length; i++)
        {
            using var header = JsonDocument.Parse(lines[i]);
            if (header.RootElement.ValueKind == JsonValueKind.Object && header.RootElement.TryGetProperty("type", out var type) && type.GetString() == "event")
                yield return JsonDocument.Parse(lines[++i]).RootElement.Clone();
        }
    }

    /// <summary>
    /// <see cref="Path"/> fails with an error nobody handles. It runs after the service's whole pipeline (authentication,
    /// its exception handler), where requests no endpoint matched arrive, so the error takes the path a real one does.
    /// </summary>
    private sealed class FailingEndpoint : IStartupFilter
    {
        public const string Path = "/test/unhandled-error";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, nextMiddleware) => context.Request.Path == Path ? throw new ShelfCollapsedException() : nextMiddleware(context));
        };
    }

    private sealed class ShelfCollapsedException() : Exception("The shelf collapsed.");
}
