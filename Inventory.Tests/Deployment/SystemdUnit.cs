namespace Inventory.Tests.Deployment;

/// <summary>
/// The <c>[Service]</c> settings of one of deploy/vm's unit files that decide how the service starts, so the test
/// starts each service the way its unit says and a unit pointing at the wrong folder, assembly or file fails it.
/// </summary>
public sealed record SystemdUnit(string[] ExecStart, string WorkingDirectory, string EnvironmentFile)
{
    public static SystemdUnit Read(string path)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var section = "";
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            if (line.StartsWith('['))
                section = line;
            else if (section == "[Service]" && line.Split('=', 2) is [var key, var value])
                settings[key] = value;
        }
        string Setting(string key) => settings.TryGetValue(key, out var value) ? value : throw new FormatException($"{path} has no {key}=");
        return new(Setting("ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries), Setting("WorkingDirectory"), Setting("EnvironmentFile"));
    }
}
