using Microsoft.Extensions.DependencyInjection;

namespace Inventory.ServiceDefaults.Commands;

/// <summary>
/// <c>migrate</c>: applies the service's pending migrations the way it does at start (one advisory lock across
/// replicas and other runs), prints what it applied, and fails with a message instead of retrying, so a pipeline
/// step stops before rolling out onto a schema that is behind.
/// </summary>
public sealed class MigrateCommand : IServiceCommand
{
    public string Name => "migrate";
    public string Usage => "migrate";

    public async Task<int> RunAsync(ServiceCommandContext context, CancellationToken ct)
    {
        if (context.Arguments.Count > 0)
            return context.Fail($"migrate takes no arguments (got '{string.Join(" ", context.Arguments)}').", ServiceCommands.WrongArguments);
        var migrations = context.Services.GetServices<IDatabaseMigration>().ToList();
        if (migrations.Count == 0)
            return context.Fail("This service has no database to migrate.", ServiceCommands.WrongArguments);

        foreach (var migration in migrations)
        {
            IReadOnlyList<string> applied;
            try
            {
                applied = await migration.ApplyAsync(ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                return context.Fail($"Migrating {migration.Name} failed: {CommandErrors.Describe(ex)}");
            }
            await context.Output.WriteLineAsync(applied.Count == 0
                ? $"{migration.Name}: up to date, nothing to apply."
                : $"{migration.Name}: applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
        }
        return ServiceCommands.Succeeded;
    }
}
