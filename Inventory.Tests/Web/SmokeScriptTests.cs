using System.Diagnostics;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Service.Gateway;
using Xunit.Abstractions;

namespace Inventory.Tests.Web;

/// <summary>
/// eng/smoke.sh, the deployment smoke test, against a gateway over HTTPS in front of the real Web (as
/// ObservatoryGradeTests starts it): every check passes. Against a gateway that serves plain HTTP only, the HTTPS
/// checks fail and so does the script — it can tell a bad deployment from a good one.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class SmokeScriptTests(WebAppFixture app, ITestOutputHelper output)
{
    private static readonly string[] Checks =
    [
        "public URL is https", "http redirects to https", "sign-in page answers 200", "HSTS", "Content-Security-Policy",
        "framing refused", "x-content-type-options", "referrer-policy", "permissions-policy", "cross-origin-opener-policy",
        "no server software advertised", "every cookie Secure", "/health answers 200", "/health shows no internals",
        "/dashboard redirects to sign-in", "/inventory redirects to sign-in", "/purchase-orders redirects to sign-in",
        "/admin/users redirects to sign-in", "a script's request without a session gets 401", "a foreign Host header gets 400",
    ];

    [Fact]
    public async Task Every_check_passes_against_the_https_gateway()
    {
        using var certificate = TestCertificates.SelfSignedLoopback();
        await using var gateway = InProcessGateway.StartInFrontOf(app.WebAddress, httpsCertificate: certificate);
        var caFile = Path.Combine(Path.GetTempPath(), $"inventory-smoke-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(caFile, certificate.ExportCertificatePem());
        try
        {
            var (exit, lines) = await SmokeAsync("--http-url", gateway.Address("http").ToString(), "--cacert", caFile,
                gateway.Address("https").ToString());

            Assert.True(exit == 0, string.Join('\n', lines));
            var results = lines.Where(line => line.StartsWith("PASS", StringComparison.Ordinal) || line.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
            Assert.All(results, line => Assert.StartsWith("PASS  ", line));
            foreach (var check in Checks)
                Assert.Contains(results, line => line.StartsWith($"PASS  {check}", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(caFile);
        }
    }

    [Fact]
    public async Task A_gateway_without_https_fails_the_https_checks()
    {
        await using var gateway = InProcessGateway.StartInFrontOf(app.WebAddress);

        var (exit, lines) = await SmokeAsync("--http-url", gateway.Address("http").ToString(), gateway.Address("http").ToString());

        Assert.Equal(1, exit);
        foreach (var check in new[] { "public URL is https", "http redirects to https", "HSTS" })
            Assert.Contains(lines, line => line.StartsWith($"FAIL  {check}", StringComparison.Ordinal));
        // The rest of what holds over HTTP still holds: the script reports each check, not just the first failure.
        Assert.Contains(lines, line => line.StartsWith("PASS  /dashboard redirects to sign-in", StringComparison.Ordinal));
    }

    private async Task<(int Exit, string[] Lines)> SmokeAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repository.Root(), "eng", "smoke.sh"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        return (process.ExitCode, (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
