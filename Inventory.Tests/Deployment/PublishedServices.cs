using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Inventory.Tests.Deployment;

/// <summary>
/// <c>dotnet publish -c Release</c> of the four services, the way docs/deployment.md ("Single Linux VM") has an
/// operator do it. The build and its output go to a directory under the system's temp folder named after the
/// repository (never into the repository), kept between runs so a second run only builds what changed.
/// </summary>
public static class PublishedServices
{
    /// <summary>Each service's folder under /opt/inventory on the VM, its project and its entry assembly.</summary>
    public static readonly (string Name, string Project)[] All =
    [
        ("catalog", "Inventory.CatalogService"),
        ("procurement", "Inventory.ProcurementService"),
        ("web", "Inventory.Web"),
        ("gateway", "Inventory.Gateway"),
    ];

    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);

    /// <summary>Publishes all four (one build, projects in parallel) and returns the directory of each service's output by name.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> PublishAsync()
    {
        var root = Infrastructure.Repository.Root();
        var artifacts = Path.Combine(Path.GetTempPath(), "inventory-release-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..12]);
        Directory.CreateDirectory(artifacts);
        // A solution filter of the four, so one build compiles ServiceDefaults once and the services side by side.
        var filter = Path.Combine(artifacts, "services.slnf");
        var projects = string.Join(", ", All.Select(s => $"\"{s.Project}/{s.Project}.csproj\""));
        await File.WriteAllTextAsync(filter,
            $$"""{ "solution": { "path": "{{Path.Combine(root, "Inventory.sln")}}", "projects": [ {{projects}} ] } }""");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "publish", filter, "-c", "Release", "--artifacts-path", artifacts, "-nodeReuse:false", "--disable-build-servers" },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish took longer than {PublishTimeout}: {await stdout}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}): {await stdout}{await stderr}");

        // --artifacts-path lays out publish/<project>/release/.
        return All.ToDictionary(s => s.Name, s => Path.Combine(artifacts, "publish", s.Project, "release"));
    }
}
