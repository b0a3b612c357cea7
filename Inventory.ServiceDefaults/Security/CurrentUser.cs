using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Inventory.ServiceDefaults.Security;

/// <summary>Who is calling: recorded on every ledger row and audit entry.</summary>
public sealed record CurrentUser(string Id, string? Email, bool IsService)
{
    public static CurrentUser From(ClaimsPrincipal principal) => new(
        principal.FindFirst(TokenClaims.Subject)?.Value ?? throw new InvalidOperationException("The caller has no subject."),
        principal.FindFirst(TokenClaims.Email)?.Value,
        principal.HasClaim(c => c.Type == TokenClaims.Service));

    public static CurrentUser From(HttpContext context) => From(context.User);
}
