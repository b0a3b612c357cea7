namespace Inventory.Web.Users;

/// <summary>A person who signs in. Provisioned at first sign-in; an admin changes the role or deactivates.</summary>
public sealed class AppUser
{
    private string _role = null!;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Lower-cased e-mail as the identity provider verified it; unique.</summary>
    public required string Email { get; init; }

    public string? DisplayName { get; set; }

    /// <summary>Changed only through <see cref="ChangeRole"/>, so a role change always ends the user's sessions.</summary>
    public required string Role { get => _role; init => _role = value; }

    public bool IsActive { get; private set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>The IANA time zone the user's browser reports (<c>Europe/Vienna</c>); pages show times in it. Null: UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// Carried in every session cookie and compared on each request (SessionValidator): a new stamp refuses every
    /// cookie issued before it. Random, so it cannot be guessed; never audited or sent to the services.
    /// </summary>
    public Guid SecurityStamp { get; private set; } = NewSecurityStamp();

    /// <summary>Concurrency token: two admins editing one user cannot silently overwrite each other.</summary>
    public uint Version { get; set; }

    public static Guid NewSecurityStamp() => Guid.NewGuid();

    public void ChangeRole(string role)
    {
        if (role == _role)
            return;
        _role = role;
        EndSessions();
    }

    public void SetActive(bool active)
    {
        if (active == IsActive)
            return;
        IsActive = active;
        EndSessions();
    }

    /// <summary>Signs the user out everywhere: cookies issued before now are refused at their next request.</summary>
    public void EndSessions() => SecurityStamp = NewSecurityStamp();
}
