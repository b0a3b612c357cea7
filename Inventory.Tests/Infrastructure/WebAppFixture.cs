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
        _web = new WebFactory("Development", Services.Postgres.ConnectionString(ResourceNames.WebDb), SignIn.Settings(OAuth),
            signingKey: Services.Tokens.Web.PrivateKeyPem, configureServices: services =>
            {
                services.AddHttpClient<CatalogClient>()
                    .ConfigureHttpClient(client => client.BaseAddress = new Uri("http://catalog/"))
                    .ConfigurePrimaryHttpMessageHandler(() => Services.Catalog.Server.CreateHandler());
                services.AddHttpClient<ProcurementClient>()
                    .ConfigureHttpClient(client => client.BaseAddress = new Uri("http://procurement/"))
                    .ConfigurePrimaryHttpMessageHandler(() => Services.Procurement.Server.CreateHandler());
            });
        // A real port: sign-in redirects between Web and the fake provider as a browser's would.
        _web.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _web.StartServer();
        WebAddress = new Uri(_web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        using var client = new HttpClient { BaseAddress = WebAddress };
        await WebFactory.WaitUntilHealthyAsync(client);
    }

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
