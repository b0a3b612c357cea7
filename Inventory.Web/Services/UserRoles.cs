using System.Security.Claims;
using Inventory.ServiceDefaults.Security;

namespace Inventory.Web.Services;

/// <summary>
/// What the signed-in user's role lets the pages offer. The services enforce the same rules themselves; the pages
/// only hide what would be refused. The role lists are constants so <c>[Authorize(Roles = …)]</c> can use them.
/// </summary>
public static class UserRoles
{
    public const string Operators = Roles.Clerk + "," + Roles.Manager + "," + Roles.Admin;
    public const string Managers = Roles.Manager + "," + Roles.Admin;

    /// <summary>Clerk and above: receive purchase orders.</summary>
    public static bool CanOperate(this ClaimsPrincipal user) => Roles.AtLeast(Roles.Clerk).Any(user.IsInRole);

    /// <summary>Manager and above: suppliers, purchase orders, replenishment.</summary>
    public static bool CanManage(this ClaimsPrincipal user) => Roles.AtLeast(Roles.Manager).Any(user.IsInRole);
}
