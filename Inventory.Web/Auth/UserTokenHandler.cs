using System.Net.Http.Headers;
using System.Security.Claims;
using Inventory.ServiceDefaults.Security;

namespace Inventory.Web.Auth;

/// <summary>
/// Adds a short-lived token for the signed-in user to each call to a service, so the service knows who acts
/// and enforces roles itself. The token is reused for most of its life (<see cref="TokenCache"/>). Without a signed-in user no token is sent (the service answers 401).
/// </summary>
public sealed class UserTokenHandler(string audience, IHttpContextAccessor httpContext, TokenCache tokens) : DelegatingHandler
{
    private static readonly string[] ForwardedClaims = [TokenClaims.Subject, TokenClaims.Email, TokenClaims.Role];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var user = httpContext.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated == true)
        {
            var claims = user.Claims.Where(c => ForwardedClaims.Contains(c.Type)).Select(c => new Claim(c.Type, c.Value)).ToList();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Get(audience, claims));
        }
        return base.SendAsync(request, cancellationToken);
    }
}
