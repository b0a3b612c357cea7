using System.Diagnostics;

namespace Inventory.Drills;

/// <summary>A process as /proc shows it: enough to signal it, or to start it again exactly as it was.</summary>
public sealed record ProcessInfo(int Id, int ParentId, int UserId, int GroupId, string[] CommandLine, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment)
{
    public static IEnumerable<ProcessInfo> All()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            ProcessInfo? info = null;
            try
            {
                info = Read(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // gone meanwhile, or not ours to read
            }
            if (info is not null)
                yield return info;
        }
    }

    public static ProcessInfo Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        var status = File.ReadAllLines($"/proc/{pid}/status");
        int Id(string field) => int.Parse(status.First(l => l.StartsWith(field, StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]);
        var environment = new Dictionary<string, string>();
        foreach (var entry in File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = entry.IndexOf('=');
            if (eq > 0)
                environment[entry[..eq]] = entry[(eq + 1)..];
        }
        var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var cwd = new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(returnFinalTarget: false)?.FullName ?? "/";
        return new(pid, parent, Id("Uid:"), Id("Gid:"), commandLine, cwd, environment);
    }

    public bool IsAlive => Directory.Exists($"/proc/{Id}");

    public void Signal(string signal) => Run("kill", $"-{signal}", Id.ToString());

    /// <summary>
    /// Starts the same command line again, in the same directory, with the same environment and user, detached
    /// from the drill (the orchestrator does not restart what it did not stop). The pid goes to
    /// drills/.run/respawned.pids so stop-instance.sh can end it with the instance.
    /// </summary>
    public int Respawn(string runDirectory, string label)
    {
        Directory.CreateDirectory(runDirectory);
        var log = Path.Combine(runDirectory, $"{label}.log");
        var start = new ProcessStartInfo("setsid") { WorkingDirectory = WorkingDirectory, UseShellExecute = false };
        start.ArgumentList.Add("bash");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$@\" >>\"$LOG\" 2>&1 </dev/null");
        start.ArgumentList.Add("respawn");
        if (UserId != CurrentUserId())
        {
            foreach (var arg in new[] { "setpriv", $"--reuid={UserId}", $"--regid={GroupId}", "--init-groups", "--" })
                start.ArgumentList.Add(arg);
        }
        foreach (var arg in CommandLine)
            start.ArgumentList.Add(arg);
        start.Environment.Clear();
        foreach (var (key, value) in Environment)
            start.Environment[key] = value;
        start.Environment["LOG"] = log;
        using var process = Process.Start(start) ?? throw new DrillException($"could not start {CommandLine[0]}");
        File.AppendAllText(Path.Combine(runDirectory, "respawned.pids"), $"{process.Id}\n");
        return process.Id;
    }

    private static int CurrentUserId() => int.Parse(File.ReadAllLines("/proc/self/status")
        .First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]);

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { UseShellExecute = false }) ?? throw new DrillException(program);
        process.WaitForExit();
    }
}
