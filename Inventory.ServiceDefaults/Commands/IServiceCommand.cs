namespace Inventory.ServiceDefaults.Commands;

/// <summary>
/// Something an operator runs with the service's own binary and configuration instead of starting it:
/// <c>dotnet Inventory.CatalogService.dll &lt;name&gt; [arguments] [--Setting=value …]</c>. See <see cref="ServiceCommands"/>.
/// </summary>
public interface IServiceCommand
{
    /// <summary>The first argument that selects the command.</summary>
    string Name { get; }

    /// <summary>One line, e.g. <c>admin grant &lt;email&gt;</c>, printed when the arguments are wrong.</summary>
    string Usage { get; }

    /// <summary>Runs the command; the result is the process's exit code (0 done, 1 failed, 2 wrong arguments).</summary>
    Task<int> RunAsync(ServiceCommandContext context, CancellationToken ct);
}
