using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Inventory.Gateway;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Tests.Service.Gateway;

/// <summary>
/// A gateway of its own, in process on a real Kestrel bound to 127.0.0.1 (so requests have a connection
/// address to partition by), in front of a <see cref="TestBackend"/> (or of Web hosted in process), with
/// whatever settings a test needs, e.g. tiny rate limits. Bursting it starves no other test, unlike the
/// shared AppHost's gateway.
/// </summary>
public sealed class InProcessGateway : IAsyncDisposable
{
    private readonly TestBackend? _backend;
    private readonly Factory _factory;

    private InProcessGateway(TestBackend? backend, Factory factory)
    {
        _backend = backend;
        _factory = factory;
    }

    public IServiceProvider Services => _factory.Services;

    /// <summary>The <see cref="TestBackend"/> this gateway forwards to (one started with <see cref="StartAsync"/>).</summary>
    public TestBackend Backend => _backend ?? throw new InvalidOperationException("This gateway is in front of an app the test owns.");

    /// <summary>A gateway in front of a <see cref="TestBackend"/> of its own.</summary>
    public static async Task<InProcessGateway> StartAsync(
        Dictionary<string, string>? settings = null, X509Certificate2? httpsCertificate = null)
    {
        var backend = await TestBackend.StartAsync();
        try
        {
            return Start(backend.Address, settings, httpsCertificate, backend);
        }
        catch
        {
            await backend.DisposeAsync();
            throw;
        }
    }

    /// <summary>A gateway in front of the app at <paramref name="web"/>, which the caller owns.</summary>
    public static InProcessGateway StartInFrontOf(Uri web, Dictionary<string, string>? settings = null, X509Certificate2? httpsCertificate = null) =>
        Start(web, settings, httpsCertificate, null);

    private static InProcessGateway Start(Uri web, Dictionary<string, string>? settings, X509Certificate2? httpsCertificate, TestBackend? backend)
    {
        var factory = new Factory(web, settings ?? new Dictionary<string, string>(), httpsCertificate);
        try
        {
            factory.StartServer();
        }
        catch
        {
            factory.Dispose();
            throw;
        }
        return new InProcessGateway(backend, factory);
    }

    /// <summary>The address the gateway listens on for <paramref name="scheme"/> (https only when given a certificate).</summary>
    public Uri Address(string scheme = "http")
    {
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single(address => address.StartsWith(scheme + "://", StringComparison.Ordinal)));
    }

    /// <summary>A client of the gateway's HTTP address whose connections come from <paramref name="localAddress"/> (default 127.0.0.1).</summary>
    public HttpClient CreateClient(IPAddress? localAddress = null)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        if (localAddress is not null)
            handler.ConnectCallback = (context, cancellationToken) => ConnectFromAsync(localAddress, context.DnsEndPoint, cancellationToken);
        return new HttpClient(handler) { BaseAddress = Address() };
    }

    /// <summary>A client of the gateway's HTTPS address (a gateway started with a certificate), trusting the test's own certificate.</summary>
    public HttpClient CreateHttpsClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    }) { BaseAddress = Address("https") };

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress localAddress, DnsEndPoint remote, CancellationToken cancellationToken)
    {
        var socket = new Socket(localAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(localAddress, 0));
            await socket.ConnectAsync(remote, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        if (_backend is not null)
            await _backend.DisposeAsync();
    }

    /// <summary><see cref="GatewayOptions"/> names the gateway's assembly (its Program would be ambiguous here).</summary>
    private sealed class Factory : WebApplicationFactory<GatewayOptions>
    {
        private readonly Uri _backend;
        private readonly IReadOnlyDictionary<string, string> _settings;

        public Factory(Uri backend, IReadOnlyDictionary<string, string> settings, X509Certificate2? httpsCertificate)
        {
            _backend = backend;
            _settings = settings;
            UseKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, 0);
                if (httpsCertificate is not null)
                    kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(httpsCertificate));
            });
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("OTEL_SDK_DISABLED", "true");
            builder.UseSetting("ReverseProxy:Clusters:web:Destinations:web:Address", _backend.ToString());
            foreach (var (key, value) in _settings)
                builder.UseSetting(key, value);
        }
    }
}
