using System.Text.RegularExpressions;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Unit.Preflight;

/// <summary>
/// deploy/production-example/ is a complete production configuration: with its placeholders filled (fresh key pairs,
/// generated secrets) each service's <c>check</c> passes on its file; left as shipped, each placeholder is named.
/// </summary>
public sealed partial class ProductionExampleTests(GoodConfigurations good) : IClassFixture<GoodConfigurations>
{
    [Theory]
    [MemberData(nameof(PreflightServices.Names), MemberType = typeof(PreflightServices))]
    public async Task With_its_placeholders_filled_the_example_passes_check(string service)
    {
        var settings = Example(service).ToDictionary(s => s.Key, s => Placeholder().Replace(s.Value, m => Fill(m.Value)));

        var result = await PreflightServices.CheckAsync(service, WithCertificateHere(settings));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("OK", result.Verdict);
    }

    [Theory]
    [MemberData(nameof(PreflightServices.Names), MemberType = typeof(PreflightServices))]
    public async Task As_shipped_every_placeholder_is_named(string service)
    {
        var settings = Example(service);
        var placeholders = settings.Where(s => Placeholder().IsMatch(s.Value)).Select(s => s.Key).ToList();

        var result = await PreflightServices.CheckAsync(service, WithCertificateHere(settings));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.NotEmpty(placeholders);
        Assert.Equal(placeholders.Order(StringComparer.OrdinalIgnoreCase), result.Settings.Order(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The file's variables as configuration keys: <c>__</c> is <c>:</c>, and the host reads <c>ASPNETCORE_X</c> as <c>X</c>.</summary>
    private static Dictionary<string, string> Example(string service) =>
        File.ReadAllLines(Path.Combine(Repository.Root(), "deploy", "production-example", $"{service}.env"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => Key(pair[0]), pair => pair[1]);

    private static string Key(string variable) =>
        (variable.StartsWith("ASPNETCORE_", StringComparison.Ordinal) ? variable["ASPNETCORE_".Length..] : variable).Replace("__", ":", StringComparison.Ordinal);

    /// <summary>The certificate the example names lives on the production host; here a stand-in file does.</summary>
    private Dictionary<string, string> WithCertificateHere(Dictionary<string, string> settings)
    {
        if (settings.ContainsKey("DataProtection:Certificate:Path"))
            settings["DataProtection:Certificate:Path"] = good.CertificateFile;
        return settings;
    }

    /// <summary>Keys on one line, as the example's README says to put them in an environment file.</summary>
    private string Fill(string placeholder) => placeholder switch
    {
        "<web-signing-key>" => OneLine(good.WebKeys.PrivateKeyPem),
        "<web-signing-public-key>" => OneLine(good.WebKeys.PublicKeyPem),
        "<procurement-signing-key>" => OneLine(good.ProcurementKeys.PrivateKeyPem),
        "<procurement-signing-public-key>" => OneLine(good.ProcurementKeys.PublicKeyPem),
        _ => Convert.ToHexString(Guid.NewGuid().ToByteArray()),
    };

    private static string OneLine(string pem) => pem.Replace("\n", "", StringComparison.Ordinal);

    [GeneratedRegex("<[a-z0-9-]+>")]
    private static partial Regex Placeholder();
}
