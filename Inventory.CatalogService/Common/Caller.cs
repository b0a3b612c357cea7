using System.Security.Claims;
using Inventory.ServiceDefaults.Security;

namespace Inventory.CatalogService.Common;

internal static class Caller
{
    /// <summary>The caller's id as recorded on ledger and audit rows: the token's subject.</summary>
    public static string Id(ClaimsPrincipal user) => CurrentUser.From(user).Id;

    public static bool IsAtLeast(ClaimsPrincipal user, string role) => Roles.AtLeast(role).Any(user.IsInRole);
}
