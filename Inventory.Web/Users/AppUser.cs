namespace Inventory.Web.Users;

/// <summary>A person who signs in. Provisioned at first sign-in; an admin changes the role or deactivates.</summary>
public sealed class AppUser
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Lower-cased e-mail as the identity provider verified it; unique.</summary>
    public required string Email { get; init; }

    public string? DisplayName { get; set; }
    public required string Role { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>Concurrency token: two admins editing one user cannot silently overwrite each other.</summary>
    public uint Version { get; set; }
}
