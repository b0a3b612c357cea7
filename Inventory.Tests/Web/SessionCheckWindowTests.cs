using System.Net;
using Inventory.Tests.Infrastructure;
using Inventory.Web.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Tests.Web;

/// <summary>
/// The session check reuses its reading of the user for <see cref="AuthOptions.SessionCheckSeconds"/>: a change made by
/// another replica (here the fixture's Web, on the same database) reaches this one within that window and no later.
/// Changes made on the same replica take effect at the next request (<see cref="SessionEndTests"/>, whose cookies were
/// checked a moment before the change).
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class SessionCheckWindowTests(WebAppFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(new AuthOptions().SessionCheckSeconds);
    private readonly ManualClock _clock = new();
    private WebFactory _replica = null!;
    private Uri _address = null!;

    public async Task InitializeAsync() => (_replica, _address) = await WebAppFixture.StartWebAsync(fixture.Services, fixture.OAuth,
        configureServices: s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _replica.DisposeAsync();

    private static async Task<string> LandingPathAsync(BrowserSession session) =>
        (await session.GetAsync("/dashboard")).RequestMessage!.RequestUri!.AbsolutePath;

    [Fact]
    public async Task A_deactivation_on_another_replica_refuses_the_session_here_once_the_window_has_passed()
    {
        var email = SignIn.NewEmail("other-replica");
        using var user = await SignIn.AsAsync(_address, email);
        using var admin = await fixture.SignInAsync(SignIn.AdminEmail);
        Assert.Equal("/dashboard", await LandingPathAsync(user));

        Assert.Equal(HttpStatusCode.OK, (await SignIn.ChangeUserAsync(admin, email, "Active", "active", "false")).StatusCode);

        // Within the window this replica still trusts what it read a moment ago; past it, it reads the row again.
        _clock.Advance(Window - TimeSpan.FromSeconds(1));
        Assert.Equal("/dashboard", await LandingPathAsync(user));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("/login", await LandingPathAsync(user));
    }

    [Fact]
    public async Task A_role_change_on_another_replica_refuses_the_older_cookie_here_once_the_window_has_passed()
    {
        var email = SignIn.NewEmail("other-replica-role");
        using var user = await SignIn.AsAsync(_address, email);
        using var admin = await fixture.SignInAsync(SignIn.AdminEmail);
        Assert.Equal("/dashboard", await LandingPathAsync(user));

        Assert.Equal(HttpStatusCode.OK, (await SignIn.ChangeUserAsync(admin, email, "Role", "role", Inventory.ServiceDefaults.Security.Roles.Clerk)).StatusCode);

        _clock.Advance(Window);
        Assert.Equal("/login", await LandingPathAsync(user));
    }
}
