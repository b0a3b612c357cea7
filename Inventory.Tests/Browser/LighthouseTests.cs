using System.Diagnostics;
using System.Text.Json;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;
using Xunit.Abstractions;

namespace Inventory.Tests.Browser;

/// <summary>
/// Google Lighthouse (eng/lighthouse, installed by eng/install-prerequisites.sh) on the main pages through the
/// gateway, with its real Content-Security-Policy and compression, signed in as a manager: every page must score
/// 100 in best practices. Lighthouse's default config is its mobile preset, so this is the phone's view; the
/// performance and accessibility scores are printed, not asserted (performance is a simulation on a machine
/// whose load varies; accessibility is the axe audit's job in every browser test).
/// </summary>
[Collection(BrowserAppCollection.Name)]
public sealed class LighthouseTests(BrowserAppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_main_pages_score_100_in_lighthouse_best_practices()
    {
        using var ui = new CatalogUi(fixture);
        var item = await ui.ItemAsync(CatalogUi.Unique("LIGHT"));
        var warehouse = await ui.WarehouseAsync(CatalogUi.Unique("LW"));
        await ui.ReceiveAsync(item.Id, warehouse.Id, 5);
        using var person = await ui.SignInAsync(Roles.Manager);
        string[] paths = ["/dashboard", "/inventory", $"/inventory/{item.Id}", "/movements", "/purchase-orders"];

        var pages = await RunLighthouseAsync(person.CookieHeader, paths);

        foreach (var page in pages)
            output.WriteLine(page.ToString());
        Assert.Equal(paths, pages.Select(page => page.GetProperty("path").GetString()));
        var problems = pages.Select(Problem).OfType<string>().ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>What is wrong with one page's result, or null: measured elsewhere than asked (e.g. the sign-in page), or below 100.</summary>
    private static string? Problem(JsonElement page)
    {
        var path = page.GetProperty("path").GetString()!;
        var landed = new Uri(page.GetProperty("finalUrl").GetString()!).PathAndQuery;
        if (landed != path)
            return $"{path}: Lighthouse measured {landed} instead";
        var score = page.GetProperty("bestPractices").GetInt32();
        return score == 100 ? null : $"{path}: best practices {score}, failing {page.GetProperty("findings")}";
    }

    private async Task<List<JsonElement>> RunLighthouseAsync(string cookie, string[] paths)
    {
        var runner = Path.Combine(Repository.Root(), "eng", "lighthouse");
        Assert.True(Directory.Exists(Path.Combine(runner, "node_modules", "lighthouse")),
            $"Lighthouse is not installed in {runner}: run eng/install-prerequisites.sh.");

        var start = new ProcessStartInfo("node") { WorkingDirectory = runner, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["run.mjs", fixture.Address.ToString(), cookie, .. paths])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"Lighthouse failed: {await stderr}\n{await stdout}");
        return (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
    }
}
