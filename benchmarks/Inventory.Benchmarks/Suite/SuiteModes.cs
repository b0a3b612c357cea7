namespace Inventory.Benchmarks.Suite;

/// <summary>The tool's modes for benchmarks/suite.sh; a usage mistake prints its message and exits with 2.</summary>
public static class SuiteModes
{
    private static readonly Dictionary<string, Func<SuiteOptions, Task<int>>> Modes = new(StringComparer.Ordinal)
    {
        ["keys"] = options => Task.FromResult(Tokens.WriteKeys(options)),
        ["load-data"] = LoadDataAsync,
        ["prepare"] = Prepare.RunAsync,
        ["signin"] = WebSignIn.RunAsync,
        // A catalog token for the shell's steps that call the API directly.
        ["mint"] = options => { Console.WriteLine(Tokens.FromKeyFile(options.Text("web-key")).ForCatalog()); return Task.FromResult(0); },
        ["open-loop"] = OpenLoopLoad.RunAsync,
        ["writers"] = MovementWriters.RunAsync,
        ["report"] = options => Task.FromResult(SuiteReport.Run(options)),
    };

    public static bool Has(string mode) => Modes.ContainsKey(mode);

    public static async Task<int> RunAsync(string mode, string[] args)
    {
        try
        {
            return await Modes[mode](SuiteOptions.Parse(args));
        }
        catch (SuiteUsageException ex)
        {
            await Console.Error.WriteLineAsync($"{mode}: {ex.Message}");
            return 2;
        }
    }

    /// <summary><c>load-data --connection "…catalogdb" --items N --movements M</c>: migrate, bulk-load if empty, VACUUM ANALYZE.</summary>
    private static async Task<int> LoadDataAsync(SuiteOptions options)
    {
        await CatalogLoad.EnsureLoadedAsync(options.Text("connection"), options.Whole("items", 100_000), options.Whole("movements", 1_000_000));
        return 0;
    }
}
