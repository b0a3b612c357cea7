using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace Inventory.AppHost;

/// <summary>
/// In run mode, <c>Gateway:HttpsPort</c> (0: the orchestrator picks one) gives the gateway an HTTPS endpoint beside
/// its HTTP one; the gateway then redirects HTTP to it and sends HSTS (docs/security.md, "HTTPS"). The certificate is
/// <c>Gateway:Certificate:Path</c> (a .pfx, with <c>Gateway:Certificate:Password</c>) or else ASP.NET Core's
/// development certificate (<c>dotnet dev-certs https</c>; eng/install-prerequisites.sh creates it). Without either
/// the AppHost stops at once, naming both, instead of leaving a gateway that cannot start.
/// </summary>
internal static class GatewayHttps
{
    // The extension ASP.NET Core marks its development certificates with.
    private const string DevelopmentCertificateOid = "1.3.6.1.4.1.311.84.1.1";

    public static IResourceBuilder<ProjectResource> WithHttpsWhenConfigured(this IResourceBuilder<ProjectResource> gateway)
    {
        var builder = gateway.ApplicationBuilder;
        if (!builder.ExecutionContext.IsRunMode || builder.Configuration.GetValue<int?>("Gateway:HttpsPort") is not { } port)
            return gateway;

        if (builder.Configuration["Gateway:Certificate:Path"] is { Length: > 0 } path)
        {
            gateway.WithEnvironment("Kestrel__Certificates__Default__Path", path);
            if (builder.Configuration["Gateway:Certificate:Password"] is { } password)
                gateway.WithEnvironment("Kestrel__Certificates__Default__Password", password);
        }
        else if (!HasDevelopmentCertificate())
        {
            throw new DistributedApplicationException(
                "Gateway:HttpsPort is set but there is no certificate: run `dotnet dev-certs https` " +
                "(eng/install-prerequisites.sh does) or set Gateway:Certificate:Path (and :Password) to a .pfx.");
        }

        gateway.WithHttpsEndpoint(port: port > 0 ? port : null, name: "https").WithExternalHttpEndpoints();
        // The redirect must name the public port, not the one the orchestrator's proxy forwards to.
        return gateway.WithEnvironment("ASPNETCORE_HTTPS_PORT", gateway.GetEndpoint("https").Property(EndpointProperty.Port));
    }

    private static bool HasDevelopmentCertificate()
    {
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadOnly);
        var now = DateTime.Now;
        return store.Certificates.Any(certificate =>
            certificate.Extensions[DevelopmentCertificateOid] is not null && certificate.HasPrivateKey &&
            certificate.NotBefore <= now && now <= certificate.NotAfter);
    }
}
