using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Inventory.ServiceDefaults.Commands;

/// <summary>What a command gets: the service's configuration and services exactly as the service would have them.</summary>
public sealed class ServiceCommandContext(WebApplicationBuilder builder, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
{
    private WebApplication? _app;

    /// <summary>appsettings, environment variables and <c>--Setting=value</c> arguments, as at start.</summary>
    public IConfiguration Configuration => builder.Configuration;

    /// <summary>The words after the command's name (settings on the command line are not among them).</summary>
    public IReadOnlyList<string> Arguments => arguments;

    public TextWriter Output => output;
    public TextWriter Error => error;

    /// <summary>The service's container, built once; the server and its background work are not started.</summary>
    public IServiceProvider Services => (_app ??= builder.Build()).Services;

    internal ValueTask DisposeAsync() => _app?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>Prints a failure for the operator and returns the exit code for it.</summary>
    public int Fail(string message, int exitCode = ServiceCommands.Failed)
    {
        error.WriteLine(message);
        return exitCode;
    }
}
