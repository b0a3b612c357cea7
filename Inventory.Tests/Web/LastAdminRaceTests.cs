using System.Security.Claims;
using Inventory.ServiceDefaults.Kit;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Web.Auth;
using Inventory.Web.Data;
using Inventory.Web.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inventory.Tests.Web;

/// <summary>
/// Two admins demoting or deactivating each other at the same moment must not leave the Inventory without an active Admin.
/// A webdb of its own (the shared one always has the configured admin), and the first change held open between its count of
/// the admins and its save, so the second provably runs while the first is undecided — the moment a check-then-act loses.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class LastAdminRaceTests(WebAppFixture fixture)
{
    [Theory]
    [InlineData("demote")]
    [InlineData("deactivate")]
    public async Task Two_admins_removing_each_other_at_once_leave_one_active_admin_and_the_second_is_refused(string how)
    {
        var database = $"webdb_last_admin_{Guid.NewGuid():N}";
        await fixture.Services.EnsureDatabaseAsync(database);
        await using (var setup = Db(database))
            await setup.Database.MigrateAsync();
        var ann = await AdminAsync(database, "ann");
        var bob = await AdminAsync(database, "bob");
        Action<AppUser> remove = how == "demote" ? u => u.ChangeRole(Roles.Viewer) : u => u.SetActive(false);

        var counted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var annDb = Db(database);
        await using var bobDb = Db(database);
        var annRemovesBob = new UserAdministration(annDb, Audit(ann), Sessions)
        {
            AfterAdminsCounted = async _ => { counted.TrySetResult(); await release.Task; },
        }.ChangeAsync(bob.Id, bob.Version, AuditActions.Update, remove, CancellationToken.None);
        await counted.Task;
        var bobRemovesAnn = new UserAdministration(bobDb, Audit(bob), Sessions).ChangeAsync(ann.Id, ann.Version, AuditActions.Update, remove, CancellationToken.None);
        // Bob's change either finishes now (nothing serialises it: the bug) or queues behind Ann's locks (the fix).
        try
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!bobRemovesAnn.IsCompleted && !await SomeoneWaitsForALockAsync(database))
                await Task.Delay(20, patience.Token);
        }
        finally
        {
            release.TrySetResult();
        }
        var results = new[] { (await annRemovesBob).Result, (await bobRemovesAnn).Result };

        Assert.Equal([UserChangeResult.Saved, UserChangeResult.LastAdmin], results);
        await using var check = Db(database);
        var admins = await check.Users.Where(u => u.Role == Roles.Admin && u.IsActive).Select(u => u.Email).ToListAsync();
        Assert.Equal([ann.Email], admins);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_be_demoted_or_deactivated_but_another_admin_can()
    {
        var database = $"webdb_last_admin_{Guid.NewGuid():N}";
        await fixture.Services.EnsureDatabaseAsync(database);
        await using (var setup = Db(database))
            await setup.Database.MigrateAsync();
        var ann = await AdminAsync(database, "ann");
        var bob = await AdminAsync(database, "bob");

        await using var db = Db(database);
        var administration = new UserAdministration(db, Audit(ann), Sessions);
        Assert.Equal(UserChangeResult.Saved, (await administration.ChangeAsync(bob.Id, bob.Version, UserAudit.Deactivate, u => u.SetActive(false), default)).Result);
        Assert.Equal(UserChangeResult.LastAdmin, (await administration.ChangeAsync(ann.Id, ann.Version, AuditActions.Update, u => u.ChangeRole(Roles.Manager), default)).Result);
        Assert.Equal(UserChangeResult.LastAdmin, (await administration.ChangeAsync(ann.Id, ann.Version, UserAudit.Deactivate, u => u.SetActive(false), default)).Result);

        await using var check = Db(database);
        var stored = await check.Users.SingleAsync(u => u.Id == ann.Id);
        Assert.Equal((Roles.Admin, true), (stored.Role, stored.IsActive));
    }

    private WebDbContext Db(string database) => new(new DbContextOptionsBuilder<WebDbContext>()
        .UseNpgsql(fixture.Services.Postgres.ConnectionString(database)).UseSnakeCaseNamingConvention().Options);

    private async Task<AppUser> AdminAsync(string database, string name)
    {
        await using var db = Db(database);
        var user = new AppUser { Email = $"{name}@example.test", Role = Roles.Admin, CreatedAt = DateTimeOffset.UtcNow };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>The audit trail as the users page has it: the acting admin is the request's signed-in user.</summary>
    private static readonly SessionCache Sessions = new(Microsoft.Extensions.Options.Options.Create(new AuthOptions()), TimeProvider.System);

    private static AuditTrail Audit(AppUser actor) => new(new OneRequest(new DefaultHttpContext
    {
        User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(TokenClaims.Subject, actor.Id.ToString())], "test")),
    }), TimeProvider.System);

    /// <summary>One admin's request for each change (HttpContextAccessor's one async-local would be shared by both).</summary>
    private sealed class OneRequest(HttpContext context) : IHttpContextAccessor
    {
        public HttpContext? HttpContext { get => context; set { } }
    }

    private async Task<bool> SomeoneWaitsForALockAsync(string database)
    {
        await using var connection = new NpgsqlConnection(fixture.Services.Postgres.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = @db AND wait_event_type = 'Lock'", connection);
        command.Parameters.AddWithValue("db", database);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
