using System.Globalization;

namespace Inventory.Benchmarks.Suite;

/// <summary>
/// The run's figures: one <c>key&lt;TAB&gt;value</c> line each in a file every step appends to (the shell's steps too,
/// e.g. pgbench's and wrk's), read back by the report. Keys are dotted: <c>p1.first.gateway.p95</c>.
/// </summary>
public static class Results
{
    public static void Append(string file, string key, double value) =>
        File.AppendAllText(file, $"{key}\t{value.ToString("0.###", CultureInfo.InvariantCulture)}\n");

    /// <summary>The figures in <paramref name="file"/>; the last line of a key wins; malformed lines are skipped.</summary>
    public static Dictionary<string, double> Read(string file)
    {
        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!File.Exists(file))
            return figures;
        foreach (var line in File.ReadLines(file))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && parts[0].Length > 0 &&
                double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
                figures[parts[0]] = value;
        }
        return figures;
    }

    public static double Percentile(IReadOnlyList<double> values, double percentile)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
