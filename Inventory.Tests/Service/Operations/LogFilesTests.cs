using System.Text.Json;
using System.Text.RegularExpressions;
using Inventory.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inventory.Tests.Service.Operations;

/// <summary>The log files of <see cref="LogFiles"/>, written through a host built by the real <c>AddServiceDefaults</c>.</summary>
public sealed class LogFilesTests : IDisposable
{
    private const string Service = ServiceDefaultsHost.Service;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "inventory-logs-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_warning_goes_to_the_general_file_only_and_an_error_to_both_as_json_lines()
    {
        WriteThroughHost(new() { [LogFiles.EnabledSetting] = "true", [LogFiles.DirectorySetting] = _directory }, logger =>
        {
            logger.LogWarning("Stock of {Sku} is low", "SKU-LOW");
            logger.LogError(new InvalidOperationException("the shelf fell"), "Counting {Sku} failed", "SKU-ERR");
        });

        var general = ReadLines(GeneralFile());
        var errors = ReadLines(ErrorsFile());

        var warning = Assert.Single(general, l => l.GetProperty("Message").GetString() == "Stock of SKU-LOW is low");
        Assert.Equal("Warning", warning.GetProperty("LogLevel").GetString());
        Assert.Equal(typeof(LogFilesTests).FullName, warning.GetProperty("Category").GetString());
        Assert.Equal("SKU-LOW", warning.GetProperty("State").GetProperty("Sku").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", warning.GetProperty("Timestamp").GetString()!);
        Assert.DoesNotContain(errors, l => l.GetProperty("Message").GetString() == "Stock of SKU-LOW is low");

        foreach (var file in new[] { general, errors })
        {
            var error = Assert.Single(file, l => l.GetProperty("Message").GetString() == "Counting SKU-ERR failed");
            Assert.Equal("Error", error.GetProperty("LogLevel").GetString());
            Assert.Equal(typeof(LogFilesTests).FullName, error.GetProperty("Category").GetString());
            Assert.Contains("InvalidOperationException: the shelf fell", error.GetProperty("Exception").GetString());
        }
    }

    [Fact]
    public void The_files_follow_the_configured_log_levels()
    {
        WriteThroughHost(new()
        {
            [LogFiles.EnabledSetting] = "true",
            [LogFiles.DirectorySetting] = _directory,
            [$"Logging:LogLevel:{typeof(LogFilesTests).FullName}"] = "Warning",
        }, logger =>
        {
            logger.LogInformation("Routine note");
            logger.LogWarning("Worth a look");
        });

        var messages = ReadLines(GeneralFile()).Select(l => l.GetProperty("Message").GetString()).ToList();
        Assert.Contains("Worth a look", messages);
        Assert.DoesNotContain("Routine note", messages);
    }

    [Fact]
    public void With_the_setting_off_no_file_is_written()
    {
        WriteThroughHost(new() { [LogFiles.DirectorySetting] = _directory }, logger =>
            logger.LogError(new InvalidOperationException("boom"), "Something failed"));

        Assert.False(Directory.Exists(_directory) && Directory.EnumerateFileSystemEntries(_directory).Any(),
            $"{_directory} should hold no log file");
    }

    /// <summary>Builds a host as a service does, logs through its ILogger, and disposes it (which flushes and closes the files).</summary>
    private static void WriteThroughHost(Dictionary<string, string?> settings, Action<ILogger> write)
    {
        var builder = ServiceDefaultsHost.CreateBuilder(new(settings) { ["OTEL_SDK_DISABLED"] = "true" });
        builder.AddServiceDefaults(TimeBudgets.Catalog);
        using var app = builder.Build();
        write(app.Services.GetRequiredService<ILogger<LogFilesTests>>());
    }

    private string GeneralFile() => Assert.Single(Directory.GetFiles(_directory), f => Regex.IsMatch(Path.GetFileName(f), $@"^{Regex.Escape(Service)}-\d{{8}}\.json$"));

    private string ErrorsFile() => Assert.Single(Directory.GetFiles(_directory), f => Regex.IsMatch(Path.GetFileName(f), $@"^{Regex.Escape(Service)}-errors-\d{{8}}\.json$"));

    private static List<JsonElement> ReadLines(string file) =>
        File.ReadAllLines(file).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }
}
