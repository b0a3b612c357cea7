using Microsoft.AspNetCore.Authorization;

namespace Inventory.ServiceDefaults.Security;

/// <summary>
/// Authorization policies the services put on their endpoints. Every endpoint needs one (the role matrix
/// test fails for an endpoint without), except the explicitly anonymous health endpoints.
/// </summary>
public static class Policies
{
    /// <summary>Viewer and above, and trusted peer services (procurement reads items): read anything.</summary>
    public const string Read = "read";
    /// <summary>Clerk and above: issues, transfers, counts, receiving.</summary>
    public const string Operate = "operate";
    /// <summary>Manager and above: items, categories, locations, suppliers, purchase orders, adjustments, posting counts.</summary>
    public const string Manage = "manage";
    /// <summary>Admin: users and settings.</summary>
    public const string Administer = "administer";
    /// <summary>The procurement service itself (its outbox posting receipts), never a user.</summary>
    public const string ProcurementService = "procurement-service";

    /// <summary>Which user roles each user policy admits.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> UserPolicyRoles = new Dictionary<string, string[]>
    {
        [Read] = Roles.AtLeast(Roles.Viewer),
        [Operate] = Roles.AtLeast(Roles.Clerk),
        [Manage] = Roles.AtLeast(Roles.Manager),
        [Administer] = Roles.AtLeast(Roles.Admin),
    };

    public static void AddInventoryPolicies(this AuthorizationOptions options)
    {
        foreach (var (policy, roles) in UserPolicyRoles.Where(p => p.Key != Read))
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        options.AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
            UserPolicyRoles[Read].Any(context.User.IsInRole) || context.User.HasClaim(c => c.Type == TokenClaims.Service)));
        options.AddPolicy(ProcurementService, p => p.RequireClaim(TokenClaims.Service, ResourceNames.Procurement));

        // An endpoint that names no policy still needs a signed-in caller.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
