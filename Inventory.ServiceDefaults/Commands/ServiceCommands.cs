using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Inventory.ServiceDefaults.Commands;

/// <summary>
/// The one frame for operator commands. A service's Program.cs, right after creating its builder, runs
/// <c>if (await ServiceCommands.TryRunAsync(builder, args, AddServices, …its commands) is { } exit) return exit;</c>
/// and then <c>AddServices(builder)</c>: when the first argument names a command, the command runs against the
/// service's own configuration — and, if it asks for them, its services, registered by <c>AddServices</c> only then —
/// and the process exits with its code; otherwise (no command) the service starts as usual. Registration comes after
/// the dispatch so that <c>check</c> can report a configuration the registration itself would refuse.
/// Commands every service with a database has are in <see cref="Common"/>; a service passes its own after them.
/// </summary>
public static class ServiceCommands
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int WrongArguments = 2;

    private const string DbCommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";

    public static IReadOnlyList<IServiceCommand> Common { get; } = [new MigrateCommand()];

    public static async Task<int?> TryRunAsync(WebApplicationBuilder builder, string[] args, Action<WebApplicationBuilder> addServices,
        params IServiceCommand[] serviceCommands)
    {
        if (args is not [var name, ..] || IsSetting(name))
            return null;

        var commands = Common.Concat(serviceCommands).ToList();
        var command = commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            await Console.Error.WriteLineAsync($"Unknown command '{name}'. Commands: {string.Join("; ", commands.Select(c => c.Usage))}.");
            return WrongArguments;
        }

        // EF Core logs as errors the statements it expects to fail (probing a history table that does not exist yet);
        // at a terminal they read like the command failing. The command reports a real failure itself.
        builder.Logging.AddFilter(DbCommandCategory, LogLevel.Critical);
        var context = new ServiceCommandContext(builder, addServices, args[1..], Words(args[1..]), Console.Out, Console.Error);
        try
        {
            // Ctrl+C cancels the command's work instead of killing it halfway through a statement.
            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
            Console.CancelKeyPress += onCancel;
            try
            {
                return await command.RunAsync(context, cancel.Token);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    // Settings on the command line are the configuration's (--Key=value, --Key value, /Key=value); the rest are words.
    private static List<string> Words(string[] args)
    {
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!IsSetting(args[i]))
                words.Add(args[i]);
            else if (!args[i].Contains('=', StringComparison.Ordinal))
                i++;
        }
        return words;
    }

    private static bool IsSetting(string arg) => arg.StartsWith('-') || arg.StartsWith('/');
}
