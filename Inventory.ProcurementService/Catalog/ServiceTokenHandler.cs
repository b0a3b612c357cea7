using System.Net.Http.Headers;
using System.Security.Claims;
using Inventory.ServiceDefaults.Security;

namespace Inventory.ProcurementService.Catalog;

/// <summary>Signs every call to <paramref name="audience"/> as procurement's own service identity.</summary>
public sealed class ServiceTokenHandler(string audience, TokenMinter minter) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            minter.Mint(audience, [new Claim(TokenClaims.Subject, $"service:{minter.Issuer}")]));
        return base.SendAsync(request, cancellationToken);
    }
}
