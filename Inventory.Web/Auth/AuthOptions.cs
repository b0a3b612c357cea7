namespace Inventory.Web.Auth;

/// <summary>Sign-in settings (section <c>Auth</c>); see docs/security.md.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public GoogleSignInOptions Google { get; set; } = new();

    /// <summary>Google Workspace domains whose users may sign in (checked against the verified <c>hd</c> claim). Empty: any.</summary>
    public string[] AllowedDomains { get; set; } = [];

    /// <summary>E-mail addresses that may sign in. Empty: any (subject to <see cref="AllowedDomains"/>).</summary>
    public string[] AllowedEmails { get; set; } = [];

    /// <summary>E-mail addresses that are made Admin when they sign in.</summary>
    public string[] AdminEmails { get; set; } = [];

    /// <summary>Role of a user provisioned at first sign-in.</summary>
    public string DefaultRole { get; set; } = "Viewer";

    /// <summary>A session ends after this long without a request.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>A session ends this long after sign-in, however active.</summary>
    public int AbsoluteLifetimeHours { get; set; } = 24;

    /// <summary>
    /// How long a session check's reading of the user is reused (SessionCache): a deactivation or role change made by
    /// another replica or the admin command reaches this one within it; this Web's own changes take effect at once. 0: every request reads.
    /// </summary>
    public int SessionCheckSeconds { get; set; } = 10;

    /// <summary>PEM private key that signs the user tokens Web sends to the services.</summary>
    public string? SigningKey { get; set; }
}
