namespace Inventory.Tests.Deployment;

/// <summary>
/// Reads a systemd <c>EnvironmentFile=</c> the way systemd does, for the subset deploy/vm uses: <c>KEY=value</c>
/// lines (surrounding whitespace dropped), <c>KEY='value'</c> taken verbatim and allowed to span lines (PEM keys),
/// blank lines and lines starting with <c>#</c> or <c>;</c> ignored. Anything else (double quotes, backslashes)
/// systemd would read differently from a naive reader, so it is refused rather than guessed.
/// </summary>
public static class EnvironmentFile
{
    public static Dictionary<string, string> Read(string path) => Parse(File.ReadAllText(path), path);

    public static Dictionary<string, string> Parse(string text, string source = "text")
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new FormatException($"{source}:{i + 1}: expected KEY=value");
            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (value.StartsWith('\''))
            {
                var quoted = value[1..];
                while (!quoted.Contains('\'', StringComparison.Ordinal))
                {
                    if (++i == lines.Length)
                        throw new FormatException($"{source}: the single-quoted value of {key} never ends");
                    quoted += "\n" + lines[i];
                }
                var end = quoted.IndexOf('\'', StringComparison.Ordinal);
                if (quoted[(end + 1)..].Trim().Length > 0)
                    throw new FormatException($"{source}:{i + 1}: text after the closing quote of {key}");
                value = quoted[..end];
            }
            else if (value.Contains('"', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal))
            {
                throw new FormatException($"{source}:{i + 1}: {key} has a double quote or backslash; systemd would unescape it");
            }
            values[key] = value;
        }
        return values;
    }
}
