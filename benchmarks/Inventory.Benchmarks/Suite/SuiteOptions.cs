using System.Globalization;

namespace Inventory.Benchmarks.Suite;

/// <summary>
/// The suite's <c>--name value</c> options (a name may repeat, e.g. <c>--header</c>). Anything else — a stray word,
/// a name without its value, a number that is not one — is refused with a message naming it, never guessed.
/// </summary>
public sealed class SuiteOptions
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private SuiteOptions() { }

    public static SuiteOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SuiteOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new SuiteUsageException($"'{arg}' is not an option (options are --name value).");
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                throw new SuiteUsageException($"{arg} needs a value.");
            var name = arg[2..];
            if (!options._values.TryGetValue(name, out var list))
                options._values[name] = list = [];
            list.Add(args[++i]);
        }
        return options;
    }

    public string Text(string name) => TextOrNull(name) ?? throw new SuiteUsageException($"--{name} is required.");

    public string? TextOrNull(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public double Number(string name, double fallback)
    {
        var text = TextOrNull(name);
        if (text is null)
            return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new SuiteUsageException($"--{name} must be a positive number, not '{text}'.");
    }

    public int Whole(string name, int fallback)
    {
        var value = Number(name, fallback);
        return value == Math.Floor(value) && value <= int.MaxValue
            ? (int)value
            : throw new SuiteUsageException($"--{name} must be a whole number, not '{TextOrNull(name)}'.");
    }
}

/// <summary>A mistake in how the suite's tool was called: printed as it is, exit code 2.</summary>
public sealed class SuiteUsageException(string message) : Exception(message);
