namespace Inventory.Web.Auth;

/// <summary>Google sign-in settings (section <c>Auth:Google</c>).</summary>
public sealed class GoogleSignInOptions
{
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string CallbackPath { get; set; } = "/auth/google/callback";

    // Overridable so tests can point the real handler at a fake OAuth server on loopback.
    public string? AuthorizationEndpoint { get; set; }
    public string? TokenEndpoint { get; set; }
    public string? UserInformationEndpoint { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
