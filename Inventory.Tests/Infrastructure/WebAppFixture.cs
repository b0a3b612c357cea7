using System.Net;
using Inventory.ServiceDefaults;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// Web in process on a loopback port, in the Development environment as the AppHost runs it, before the real
/// catalog and procurement services of a <see cref="ServicesFixture"/> of its own (real PostgreSQL, migrated).
/// Web's typed clients reach those in-memory hosts with Web's real user tokens, signed with the key the
/// services trust; people sign in through Web's real Google handler against a <see cref="FakeOAuthServer"/>.
/// The databases are shared by every test of the collection: tests use unique names and never count rows.
/// </summary>
public class WebAppFixture : IAsyncLifetime, IWebApp
{
    private WebFactory _web = null!;

    public ServicesFixture Services { get; } = new();
    public FakeOAuthServer OAuth { get; private set; } = null!;

    /// <summary>Web's own address.</summary>
    public Uri WebAddress { get; private set; } = null!;

    /// <summary>Where a person's browser reaches the app: here Web itself.</summary>
    public virtual Uri Address => WebAddress;

    public virtual async Task InitializeAsync()
    {
        var oauth = FakeOAuthServer.StartAsync();
        await Services.InitializeAsync();
        await Services.EnsureDatabaseAsync(ResourceNames.WebDb);
        OAuth = await oauth;
        (_web, WebAddress) = await StartWebAsync(Services, OAuth);
    }

    /// <summary>
    /// Starts a Web on a loopback port before <paramref name="services"/>' in-memory catalog and procurement, through
    /// links a test can break (<paramref name="catalogLink"/>, <paramref name="procurementLink"/>), once it reports ready.
    /// <paramref name="configureServices"/> changes its services further (e.g. a clock of the test's).
    /// </summary>
    public static async Task<(WebFactory Web, Uri Address)> StartWebAsync(ServicesFixture services, FakeOAuthServer oauth,
        LinkFaults? catalogLink = null, LinkFaults? procurementLink = null, Action<IServiceCollection>? configureServices = null)
    {
        var web = new WebFactory("Development", services.Postgres.ConnectionString(ResourceNames.WebDb), SignIn.Settings(oauth),
            signingKey: services.Tokens.Web.PrivateKeyPem, configureServices: s =>
            {
                s.AddHttpClient<CatalogClient>()
                    .ConfigureHttpClient(client => client.BaseAddress = new Uri("http://catalog/"))
                    .ConfigurePrimaryHttpMessageHandler(() => Link(services.Catalog.Server.CreateHandler(), catalogLink));
                s.AddHttpClient<ProcurementClient>()
                    .ConfigureHttpClient(client => client.BaseAddress = new Uri("http://procurement/"))
                    .ConfigurePrimaryHttpMessageHandler(() => Link(services.Procurement.Server.CreateHandler(), procurementLink));
                configureServices?.Invoke(s);
            });
        // A real port: sign-in redirects between Web and the fake provider as a browser's would.
        web.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        web.StartServer();
        var address = new Uri(web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        using var client = new HttpClient { BaseAddress = address };
        await WebFactory.WaitUntilHealthyAsync(client);
        return (web, address);
    }

    private static HttpMessageHandler Link(HttpMessageHandler service, LinkFaults? faults) =>
        faults is null ? service : new FaultyLink(service, faults);

    /// <summary>Signs in at <see cref="Address"/> with the real Google handler against the fake provider.</summary>
    public Task<BrowserSession> SignInAsync(string email) => SignIn.AsAsync(Address, email);

    /// <summary>Signs in at <see cref="Address"/> and has the admin give the user <paramref name="role"/>.</summary>
    public Task<BrowserSession> SignInAsync(string email, string role) => SignIn.AsAsync(Address, email, role);

    public HttpClient CreateServiceClient(string service, string role) => service switch
    {
        ResourceNames.Catalog => Services.Catalog.CreateClientAs(role),
        ResourceNames.Procurement => Services.Procurement.CreateClientAs(role),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "catalog or procurement"),
    };

    public virtual async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await OAuth.DisposeAsync();
        await Services.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web";
}
