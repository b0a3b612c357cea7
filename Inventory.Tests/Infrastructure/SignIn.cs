using System.Text.RegularExpressions;
using Inventory.ServiceDefaults.Security;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// Signing in the way a person does: through Web's real Google handler against the <see cref="FakeOAuthServer"/>.
/// Only accounts of <see cref="AllowedDomain"/> may sign in, and <see cref="AdminEmail"/> becomes Admin (every
/// test app is configured so, see <see cref="Settings"/>); other roles are given by the admin on the users page.
/// </summary>
public static partial class SignIn
{
    public const string AllowedDomain = "example.test";
    public const string AdminEmail = "admin@example.test";

    /// <summary>Web's sign-in settings for a test app: Google at the fake provider, the domain and the admin above.</summary>
    public static Dictionary<string, string?> Settings(FakeOAuthServer oauth) => new()
    {
        ["Auth:Google:ClientId"] = FakeOAuthServer.ClientId,
        ["Auth:Google:ClientSecret"] = FakeOAuthServer.ClientSecret,
        ["Auth:Google:AuthorizationEndpoint"] = oauth.AuthorizationEndpoint,
        ["Auth:Google:TokenEndpoint"] = oauth.TokenEndpoint,
        ["Auth:Google:UserInformationEndpoint"] = oauth.UserInformationEndpoint,
        ["Auth:AllowedDomains:0"] = AllowedDomain,
        ["Auth:AdminEmails:0"] = AdminEmail,
    };

    /// <summary>A new person's e-mail address in the allowed domain, unique to the call.</summary>
    public static string NewEmail(string prefix) => $"{prefix.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}@{AllowedDomain}";

    /// <summary>A new person of the allowed domain, signed in with <paramref name="role"/>.</summary>
    public static Task<BrowserSession> NewPersonAsync(Uri address, string role) => AsAsync(address, NewEmail(role), role);

    /// <summary>Signs in as <paramref name="email"/> at the app at <paramref name="address"/> (Web or the gateway in front of it).</summary>
    public static async Task<BrowserSession> AsAsync(Uri address, string email)
    {
        var session = new BrowserSession(address);
        var toProvider = await session.SubmitFormAsync("/login", "/login?handler=Google", new Dictionary<string, string>(), follow: false);
        var authorize = toProvider.Headers.Location!.ToString() + "&test_user=" + Uri.EscapeDataString(email);
        await session.GetAsync(authorize);
        return session;
    }

    /// <summary>
    /// Signs in as <paramref name="email"/> and, unless it is the default Viewer, has the admin give the user
    /// <paramref name="role"/> on the users page — the way a real deployment hands out roles. A role change ends
    /// the user's sessions, so the person then signs in again, as they would.
    /// </summary>
    public static async Task<BrowserSession> AsAsync(Uri address, string email, string role)
    {
        var session = await AsAsync(address, email);
        if (role == Roles.Viewer)
            return session;
        session.Dispose();
        using (var admin = await AsAsync(address, AdminEmail))
        {
            var saved = await ChangeUserAsync(admin, email, "Role", "role", role);
            if (!saved.IsSuccessStatusCode)
                throw new InvalidOperationException($"Could not make {email} a {role}: {saved.StatusCode}");
        }
        return await AsAsync(address, email);
    }

    /// <summary>The admin's change of <paramref name="email"/> on the users page: its form <paramref name="handler"/> with one field.</summary>
    public static async Task<HttpResponseMessage> ChangeUserAsync(BrowserSession admin, string email, string handler, string field, string value)
    {
        // Searched for: the users page shows one page of users, and the test database holds many.
        var list = $"/admin/users?search={Uri.EscapeDataString(email)}";
        var (id, version) = UserRow(await (await admin.GetAsync(list)).Content.ReadAsStringAsync(), email);
        return await admin.SubmitFormAsync(list, $"{list}&handler={handler}",
            new Dictionary<string, string> { ["id"] = id, ["version"] = version, [field] = value });
    }

    /// <summary>The id and version the users page's forms send for the user with <paramref name="email"/>.</summary>
    public static (string Id, string Version) UserRow(string usersPage, string email)
    {
        var row = Regex.Match(usersPage, $"<tr data-email=\"{Regex.Escape(email)}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        return (IdValue().Match(row).Groups[1].Value, VersionValue().Match(row).Groups[1].Value);
    }

    [GeneratedRegex("name=\"id\" value=\"([^\"]+)\"")]
    private static partial Regex IdValue();

    [GeneratedRegex("name=\"version\" value=\"([^\"]+)\"")]
    private static partial Regex VersionValue();
}
