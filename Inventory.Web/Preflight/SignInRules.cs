using Inventory.ServiceDefaults.Preflight;
using Inventory.ServiceDefaults.Security;
using Inventory.Web.Auth;

namespace Inventory.Web.Preflight;

/// <summary>
/// Google sign-in (<see cref="AuthOptions"/>, section <c>Auth</c>): the client, a local callback path, Google's own
/// endpoints unless an HTTPS provider replaces them, and a limit on who may sign in and what a newcomer becomes.
/// </summary>
internal static class SignInRules
{
    private const string Google = $"{AuthOptions.Section}:Google";
    private const string AllowedDomains = $"{AuthOptions.Section}:{nameof(AuthOptions.AllowedDomains)}";
    private const string AllowedEmails = $"{AuthOptions.Section}:{nameof(AuthOptions.AllowedEmails)}";
    private const string AdminEmails = $"{AuthOptions.Section}:{nameof(AuthOptions.AdminEmails)}";
    private const string DefaultRole = $"{AuthOptions.Section}:{nameof(AuthOptions.DefaultRole)}";

    public static IEnumerable<PreflightRule> All { get; } =
    [
        SettingRules.Required($"{Google}:{nameof(GoogleSignInOptions.ClientId)}"),
        SettingRules.Required($"{Google}:{nameof(GoogleSignInOptions.ClientSecret)}"),
        new($"{Google}:{nameof(GoogleSignInOptions.CallbackPath)}", context =>
            context.Value($"{Google}:{nameof(GoogleSignInOptions.CallbackPath)}") is { } path && !path.StartsWith('/')
                ? "not a path on this app (/auth/google/callback)"
                : null),
        HttpsEndpoint(nameof(GoogleSignInOptions.AuthorizationEndpoint)),
        HttpsEndpoint(nameof(GoogleSignInOptions.TokenEndpoint)),
        HttpsEndpoint(nameof(GoogleSignInOptions.UserInformationEndpoint)),
        // Without a limit every Google account in the world becomes a Viewer, who reads all stock and suppliers.
        new(AllowedDomains, context => context.List(AllowedDomains).Count + context.List(AllowedEmails).Count == 0
            ? $"empty, and so is {AllowedEmails}: any Google account may sign in"
            : Entries(context.List(AllowedDomains), domain => !domain.Contains('@'), "a domain (example.com)")),
        new(AllowedEmails, context => Entries(context.List(AllowedEmails), IsEmail, "an e-mail address")),
        new(AdminEmails, context => Entries(context.List(AdminEmails), IsEmail, "an e-mail address")),
        new(DefaultRole, context => context.Value(DefaultRole) switch
        {
            null => null,
            Roles.Admin => "Admin: everyone who signs in would be an administrator",
            var role when !Roles.IsKnown(role) => $"not a role ({string.Join(", ", Roles.All)})",
            _ => null,
        }),
    ];

    /// <summary>The provider endpoints exist so tests can use a fake provider; in production they are Google's unless an HTTPS provider is meant.</summary>
    private static PreflightRule HttpsEndpoint(string name) => new($"{Google}:{name}", context =>
        context.Value($"{Google}:{name}") is { } value &&
        !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            ? "not an https URL: sign-in would go to a test provider or in the clear; leave it unset for Google"
            : null);

    private static bool IsEmail(string value) => value.IndexOf('@') is > 0 and var at && at < value.Length - 1;

    private static string? Entries(IReadOnlyList<string> entries, Func<string, bool> valid, string what)
    {
        if (entries.Any(PreflightContext.IsPlaceholder))
            return SettingRules.Placeholder;
        var bad = entries.Select((entry, index) => (entry, index)).Where(e => !valid(e.entry.Trim())).Select(e => e.index).ToList();
        return bad.Count == 0 ? null : $"entry {string.Join(", ", bad)} is not {what}";
    }
}
