using System.Text.RegularExpressions;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Web.Data;
using Inventory.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Tests.Web;

/// <summary>The users page finds people among many, asks before deactivating, and a deactivated person is told so.</summary>
[Collection(WebAppCollection.Name)]
public sealed partial class UsersPageTests(WebAppFixture fixture)
{
    [Fact]
    public async Task Search_finds_users_by_email_or_name_and_pages_through_more_than_a_page()
    {
        var tag = $"crowd{Guid.NewGuid():N}"[..14];
        await using (var db = WebDb())
        {
            for (var i = 0; i < 53; i++)
                db.Users.Add(new AppUser { Email = $"{tag}-{i:D2}@example.test", Role = Roles.Viewer, CreatedAt = DateTimeOffset.UtcNow,
                    DisplayName = i == 7 ? $"Zelda {tag}" : null });
            await db.SaveChangesAsync();
        }
        using var admin = await fixture.SignInAsync(SignIn.AdminEmail);

        var first = await Html.ReadAsync(await admin.GetAsync($"/admin/users?search={tag.ToUpperInvariant()}"));
        var next = Html.Decode(NextPage().Match(first).Groups[1].Value);
        var second = await Html.ReadAsync(await admin.GetAsync(next));
        var byName = await Html.ReadAsync(await admin.GetAsync($"/admin/users?search=zelda%20{tag}"));

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"{tag}-{i:D2}@example.test"), Emails(first));
        Assert.Contains($"search={tag.ToUpperInvariant()}", next, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Enumerable.Range(50, 3).Select(i => $"{tag}-{i:D2}@example.test"), Emails(second));
        Assert.False(Html.HasId(second, "next-page"));
        Assert.True(Html.HasId(second, "first-page"));
        Assert.Equal([$"{tag}-07@example.test"], Emails(byName));
    }

    [Fact]
    public async Task Deactivating_asks_first_and_activating_does_not()
    {
        var active = SignIn.NewEmail("to-ask");
        var inactive = SignIn.NewEmail("to-activate");
        (await fixture.SignInAsync(active)).Dispose();
        (await fixture.SignInAsync(inactive)).Dispose();
        using var admin = await fixture.SignInAsync(SignIn.AdminEmail);
        await SignIn.ChangeUserAsync(admin, inactive, "Active", "active", "false");

        var activePage = Html.Decode(await Html.ReadAsync(await admin.GetAsync($"/admin/users?search={active}")));
        var inactivePage = Html.Decode(await Html.ReadAsync(await admin.GetAsync($"/admin/users?search={inactive}")));

        Assert.Contains($"data-confirm=\"Deactivate {active}? They are signed out at once", Row(activePage, active));
        Assert.DoesNotMatch("data-confirm=\"[^\"]", Row(inactivePage, inactive)); // empty: site.js asks nothing
    }

    [Fact]
    public async Task A_deactivated_user_who_signs_in_is_told_their_account_is_deactivated_and_whom_to_ask()
    {
        var email = SignIn.NewEmail("deactivated-person");
        using var open = await fixture.SignInAsync(email);
        using (var admin = await fixture.SignInAsync(SignIn.AdminEmail))
            await SignIn.ChangeUserAsync(admin, email, "Active", "active", "false");

        var ended = await open.GetAsync("/dashboard"); // the session they had open
        using var again = new BrowserSession(fixture.Address); // and a new sign-in with Google
        var toGoogle = await again.SubmitFormAsync("/login", "/login?handler=Google", new Dictionary<string, string>(), follow: false);
        var signedIn = await again.GetAsync($"{toGoogle.Headers.Location}&test_user={Uri.EscapeDataString(email)}");

        foreach (var landing in new[] { ended, signedIn })
        {
            Assert.Equal("/login", landing.RequestMessage!.RequestUri!.AbsolutePath);
            var message = CatalogUi.Text(await Html.ReadAsync(landing), "sign-in-error");
            Assert.True(message.StartsWith($"Your account {email} has been deactivated. Ask an administrator (", StringComparison.Ordinal),
                $"{landing.RequestMessage.RequestUri}: {message}");
            Assert.Contains(SignIn.AdminEmail, message);
        }
    }

    [Fact]
    public async Task An_admin_cannot_demote_or_deactivate_themselves()
    {
        var email = SignIn.NewEmail("self-admin");
        using var admin = await fixture.SignInAsync(email, Roles.Admin);

        var demoted = await Html.ReadAsync(await SignIn.ChangeUserAsync(admin, email, "Role", "role", Roles.Viewer));
        var deactivated = await Html.ReadAsync(await SignIn.ChangeUserAsync(admin, email, "Active", "active", "false"));

        Assert.Contains("You cannot change your own role or deactivate yourself", demoted);
        Assert.Contains("You cannot change your own role or deactivate yourself", deactivated);
        await using var db = WebDb();
        var stored = await db.Users.SingleAsync(u => u.Email == email);
        Assert.Equal((Roles.Admin, true), (stored.Role, stored.IsActive));
    }

    private static IReadOnlyList<string> Emails(string page) => RowEmail().Matches(page).Select(m => m.Groups[1].Value).ToList();

    private static string Row(string page, string email) =>
        Regex.Match(page, $"<tr data-email=\"{Regex.Escape(email)}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;

    private WebDbContext WebDb() => new(new DbContextOptionsBuilder<WebDbContext>()
        .UseNpgsql(fixture.Services.Postgres.ConnectionString(ResourceNames.WebDb)).UseSnakeCaseNamingConvention().Options);

    [GeneratedRegex("<tr data-email=\"([^\"]+)\">")]
    private static partial Regex RowEmail();

    [GeneratedRegex("<a (?=[^>]*id=\"next-page\")[^>]*href=\"([^\"]+)\"")]
    private static partial Regex NextPage();
}
