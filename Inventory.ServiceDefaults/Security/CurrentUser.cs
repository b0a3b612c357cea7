using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Inventory.ServiceDefaults.Security;

/// <summary>
/// Who is calling: recorded on every ledger row and audit entry. <see cref="Id"/> is the authenticated caller (a
/// person through Web, or a service); <see cref="OnBehalfOf"/> the person a service writes for, when it says so.
/// </summary>
public sealed record CurrentUser(string Id, string? Email, bool IsService, string? OnBehalfOf = null)
{
    /// <summary>The person a movement names as its user: the one a service acts for, else the caller.</summary>
    public string Person => OnBehalfOf ?? Id;

    /// <summary>How a write arrived: the service's subject (<c>service:procurement</c>) when a service made it, else null (a person, through Web).</summary>
    public string? Channel => IsService ? Id : null;

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        var isService = principal.HasClaim(c => c.Type == TokenClaims.Service);
        return new(
            principal.FindFirst(TokenClaims.Subject)?.Value ?? throw new InvalidOperationException("The caller has no subject."),
            principal.FindFirst(TokenClaims.Email)?.Value,
            isService,
            isService ? principal.FindFirst(TokenClaims.OnBehalfOf)?.Value : null);
    }

    public static CurrentUser From(HttpContext context) => From(context.User);
}
