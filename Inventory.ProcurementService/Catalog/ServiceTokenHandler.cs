using System.Net.Http.Headers;
using System.Security.Claims;
using Inventory.ServiceDefaults.Security;

namespace Inventory.ProcurementService.Catalog;

/// <summary>
/// Signs every call to <paramref name="audience"/> as procurement's own service identity; a call made for a person
/// (<see cref="ForPerson"/>) names them too, so the catalog records them as the user and procurement as the channel.
/// Tokens are reused for most of their life (<see cref="TokenCache"/>).
/// </summary>
public sealed class ServiceTokenHandler(string audience, TokenCache tokens) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<string> Person = new(TokenClaims.OnBehalfOf);

    /// <summary>
    /// Marks <paramref name="request"/> as made for the person with user id <paramref name="userId"/>; a service's own
    /// subject is no person, and the call then goes as procurement alone.
    /// </summary>
    public static HttpRequestMessage ForPerson(HttpRequestMessage request, string userId)
    {
        if (!userId.StartsWith(TokenClaims.ServiceSubjectPrefix, StringComparison.OrdinalIgnoreCase))
            request.Options.Set(Person, userId);
        return request;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        List<Claim> claims = [new(TokenClaims.Subject, $"service:{tokens.Minter.Issuer}")];
        if (request.Options.TryGetValue(Person, out var userId))
            claims.Add(new(TokenClaims.OnBehalfOf, userId));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Get(audience, claims));
        return base.SendAsync(request, cancellationToken);
    }
}
