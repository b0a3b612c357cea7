namespace Inventory.ServiceDefaults.Security;

/// <summary>
/// The user roles, from least to most privileged. Each role may do everything the roles before it may:
/// Viewer reads; Clerk records issues, transfers, counts and receipts; Manager manages master data,
/// adjusts stock and posts counts; Admin also manages users and settings.
/// </summary>
public static class Roles
{
    public const string Viewer = "Viewer";
    public const string Clerk = "Clerk";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Clerk, Manager, Admin];

    /// <summary>The roles that include <paramref name="role"/>'s permissions.</summary>
    public static string[] AtLeast(string role) =>
        All.Contains(role) ? All.SkipWhile(r => r != role).ToArray() : throw new ArgumentException($"Unknown role '{role}'.", nameof(role));

    /// <summary>Whether the caller holds <paramref name="role"/> or a role above it.</summary>
    public static bool IsAtLeast(this System.Security.Claims.ClaimsPrincipal user, string role) => AtLeast(role).Any(user.IsInRole);

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);
}
