using System.Text.Json;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Kit;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Web.Data;
using Inventory.Web.Users;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Tests.Web;

/// <summary>
/// <c>dotnet Inventory.Web.dll admin grant &lt;email&gt;</c> on the built binary against the test app's webdb: the first
/// admin and the way back after a lock-out, audited like a role change on the users page.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class AdminGrantCommandTests(WebAppFixture fixture)
{
    private static readonly string Actor = UserAudit.CommandLine(Environment.UserName);

    [Fact]
    public async Task Granting_an_unknown_email_provisions_an_active_admin_whose_first_sign_in_is_an_admin()
    {
        var email = SignIn.NewEmail("first-admin");

        var result = await GrantAsync(email.ToUpperInvariant());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{email} has no account yet: it is provisioned as an Admin", result.Output);
        await using var db = WebDb();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.Equal(Roles.Admin, user.Role);
        Assert.True(user.IsActive);
        var entry = Assert.Single(await AuditOfAsync(db, user.Id));
        Assert.Equal((AuditActions.Create, Actor), (entry.Action, entry.UserId));

        using var session = await fixture.SignInAsync(email);
        var users = await session.GetAsync($"/admin/users?search={email}"); // one page of many: searched for
        Assert.Equal("/admin/users", users.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains($"data-email=\"{email}\"", await users.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Granting_a_signed_in_viewer_promotes_them_ends_their_sessions_and_is_audited_like_a_role_change()
    {
        var email = SignIn.NewEmail("locked-out");
        using var before = await fixture.SignInAsync(email);
        Assert.Equal("/dashboard", await LandingAsync(before, "/dashboard"));

        var result = await GrantAsync(email);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{email} is now an Admin", result.Output);
        // The command is another process: a running Web honours it within Auth:SessionCheckSeconds (SessionCheckWindowTests);
        // a Web reading the user afresh — here a replica of its own — refuses the older cookie at once.
        var (replica, address) = await WebAppFixture.StartWebAsync(fixture.Services, fixture.OAuth);
        await using (replica)
        {
            using var elsewhere = before.CopyCookies(address);
            Assert.Equal("/login", await LandingAsync(elsewhere, "/dashboard"));
        }
        await using (var db = WebDb())
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var entry = (await AuditOfAsync(db, user.Id)).Last();
            Assert.Equal((AuditActions.Update, Actor), (entry.Action, entry.UserId));
            var role = JsonDocument.Parse(entry.Changes).RootElement.GetProperty("role");
            Assert.Equal(("Viewer", "Admin"), (role.GetProperty("before").GetString(), role.GetProperty("after").GetString()));
        }
        using var after = await fixture.SignInAsync(email);
        var page = await after.GetAsync("/admin/users");
        Assert.Equal("/admin/users", page.RequestMessage!.RequestUri!.AbsolutePath);
        // The users page's history shows the command line as who acted, as it shows an admin for a change made there.
        Assert.Contains(Actor, await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Granting_a_deactivated_user_reactivates_them()
    {
        var email = SignIn.NewEmail("deactivated");
        (await fixture.SignInAsync(email)).Dispose();
        using (var admin = await fixture.SignInAsync(SignIn.AdminEmail))
            Assert.True((await SignIn.ChangeUserAsync(admin, email, "Active", "active", "false")).IsSuccessStatusCode);

        var result = await GrantAsync(email);

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var db = WebDb();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        Assert.Equal((Roles.Admin, true), (user.Role, user.IsActive));
        using var session = await fixture.SignInAsync(email);
        Assert.Equal("/admin/users", await LandingAsync(session, "/admin/users"));
    }

    [Fact]
    public async Task Granting_twice_changes_nothing_the_second_time_and_says_so()
    {
        var email = SignIn.NewEmail("twice");
        Assert.Equal(0, (await GrantAsync(email)).ExitCode);
        await using var db = WebDb();
        var stamp = (await db.Users.AsNoTracking().SingleAsync(u => u.Email == email)).SecurityStamp;

        var again = await GrantAsync(email);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains($"{email} already is an active Admin; nothing changed.", again.Output);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        Assert.Equal(stamp, user.SecurityStamp);
        Assert.Single(await AuditOfAsync(db, user.Id));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("Someone <someone@example.test>")]
    [InlineData("someone@")]
    public async Task A_bad_email_exits_2_with_a_message_and_writes_nothing(string given)
    {
        var result = await GrantAsync(given);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"'{given}' is not an e-mail address", result.Error);
        await using var db = WebDb();
        Assert.False(await db.Users.AnyAsync(u => u.Email == given.Trim().ToLower()));
    }

    [Fact]
    public async Task Admin_without_grant_and_an_email_prints_its_usage_and_exits_2()
    {
        var result = await ServiceCommandRun.RunAsync("Inventory.Web", Settings(), "admin", "revoke", "x@example.test");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Usage: admin grant <email>", result.Error);
    }

    private Task<ServiceCommandRun.Result> GrantAsync(string email) =>
        ServiceCommandRun.RunAsync("Inventory.Web", Settings(), "admin", "grant", email);

    private Dictionary<string, string> Settings() => new()
    {
        [$"ConnectionStrings:{ResourceNames.WebDb}"] = fixture.Services.Postgres.ConnectionString(ResourceNames.WebDb),
        // Web in Production refuses to build without a sign-in provider; the command never talks to it.
        ["Auth:Google:ClientId"] = "client-id",
        ["Auth:Google:ClientSecret"] = "client-secret",
    };

    private WebDbContext WebDb() => new(new DbContextOptionsBuilder<WebDbContext>()
        .UseNpgsql(fixture.Services.Postgres.ConnectionString(ResourceNames.WebDb)).UseSnakeCaseNamingConvention().Options);

    private static Task<List<AuditEntry>> AuditOfAsync(WebDbContext db, Guid userId) =>
        db.AuditEntries.AsNoTracking().Where(e => e.EntityType == UserAudit.EntityType && e.EntityId == userId).OrderBy(e => e.Id).ToListAsync();

    private static async Task<string> LandingAsync(BrowserSession session, string path) =>
        (await session.GetAsync(path)).RequestMessage!.RequestUri!.AbsolutePath;
}
