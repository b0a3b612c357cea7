using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.ServiceDefaults;

/// <summary>One database a service migrates: what the start-up migrator and the <c>migrate</c> command both use.</summary>
public interface IDatabaseMigration
{
    /// <summary>The DbContext's name, as logs and the command print it.</summary>
    string Name { get; }

    /// <summary>Committed migrations the database has not applied yet.</summary>
    Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct);

    /// <summary>Applies what is pending, once across replicas (<see cref="DatabaseMigrator{TContext}.MigrateWithLockAsync"/>); returns what this call applied.</summary>
    Task<IReadOnlyList<string>> ApplyAsync(CancellationToken ct);
}

public sealed class DatabaseMigration<TContext>(IServiceScopeFactory scopes) : IDatabaseMigration where TContext : DbContext
{
    public string Name => typeof(TContext).Name;

    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<TContext>().Database.GetPendingMigrationsAsync(ct)).ToList();
    }

    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await DatabaseMigrator<TContext>.MigrateWithLockAsync(scope.ServiceProvider.GetRequiredService<TContext>(), ct);
    }
}
