using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Inventory.ServiceDefaults.Commands;

/// <summary>What a command gets: the service's configuration and services exactly as the service would have them.</summary>
public sealed class ServiceCommandContext(WebApplicationBuilder builder, Action<WebApplicationBuilder> addServices, IReadOnlyList<string> rawArguments,
    IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
{
    private WebApplication? _app;

    /// <summary>appsettings, environment variables and <c>--Setting=value</c> arguments, as at start.</summary>
    public IConfiguration Configuration => builder.Configuration;

    /// <summary>The environment the configuration was read for (Production unless told otherwise).</summary>
    public IHostEnvironment Environment => builder.Environment;

    /// <summary>The words after the command's name (settings on the command line are not among them).</summary>
    public IReadOnlyList<string> Arguments => arguments;

    /// <summary>Everything after the command's name, switches such as <c>--connect</c> included.</summary>
    public IReadOnlyList<string> RawArguments => rawArguments;

    public TextWriter Output => output;
    public TextWriter Error => error;

    /// <summary>The service's container, registered and built on first use; the server and its background work are not started.</summary>
    public IServiceProvider Services => (_app ??= Build()).Services;

    private WebApplication Build()
    {
        addServices(builder);
        return builder.Build();
    }

    internal ValueTask DisposeAsync() => _app?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>Prints a failure for the operator and returns the exit code for it.</summary>
    public int Fail(string message, int exitCode = ServiceCommands.Failed)
    {
        error.WriteLine(message);
        return exitCode;
    }
}
