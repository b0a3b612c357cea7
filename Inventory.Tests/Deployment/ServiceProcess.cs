using System.Collections.Concurrent;
using System.Diagnostics;
using Inventory.ServiceDefaults;

namespace Inventory.Tests.Deployment;

/// <summary>
/// One published service run as its systemd unit runs it: the unit's command in its working directory (the content
/// root) with only the environment file's variables and the few a systemd service gets anyway — none of the test
/// runner's own.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private static readonly string[] Inherited = ["PATH", "HOME", "LANG", "TMPDIR", "DOTNET_ROOT"];
    private const int KeptLines = 300;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public string Name { get; }

    private ServiceProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Output => string.Join('\n', _output);

    /// <param name="command">The unit's ExecStart: the program and its arguments.</param>
    public static ServiceProcess Start(string name, string[] command, string directory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command[1..])
            start.ArgumentList.Add(argument);
        start.Environment.Clear();
        foreach (var variable in Inherited)
        {
            if (Environment.GetEnvironmentVariable(variable) is { } value)
                start.Environment[variable] = value;
        }
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(name, process);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > KeptLines)
            _output.TryDequeue(out _);
    }

    /// <summary>Polls /health until 200; fails at once, with the service's output, if the process exits.</summary>
    public async Task WaitUntilHealthyAsync(Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        string last = "no answer";
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was healthy:\n{Output}");
            try
            {
                using var response = await http.GetAsync(HealthEndpoints.HealthPath);
                if (response.IsSuccessStatusCode)
                    return;
                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{Name} was not healthy within {timeout} (last: {last}):\n{Output}");
    }

    /// <summary>Sends SIGTERM (what systemd, a container runtime or a terminal's close sends) and waits for the process to exit.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // never started
        }
        _process.Dispose();
    }
}
