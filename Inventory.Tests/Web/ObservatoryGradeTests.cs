using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Service.Gateway;
using Xunit.Abstractions;

namespace Inventory.Tests.Web;

/// <summary>
/// The Mozilla HTTP Observatory's own grader (eng/observatory, installed by eng/install-prerequisites.sh) scores
/// the gateway over HTTPS, in front of the real Web: the sign-in page, a signed-in page, a static file and a 404.
/// Each must score at least 100 with no failed rule — what the public Observatory would give the deployed app.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class ObservatoryGradeTests(WebAppFixture app, ITestOutputHelper output)
{
    public static TheoryData<string, bool, HttpStatusCode> Pages => new()
    {
        { "/login", false, HttpStatusCode.OK },
        { "/dashboard", true, HttpStatusCode.OK },
        { "/css/site.css", false, HttpStatusCode.OK },
        // Signed in, so the fallback authorization policy does not turn the unknown page into a sign-in redirect.
        { "/no-such-page", true, HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_gateway_over_https_scores_at_least_100_with_no_failed_rule(string path, bool signedIn, HttpStatusCode status)
    {
        using var certificate = TestCertificates.SelfSignedLoopback();
        await using var gateway = InProcessGateway.StartInFrontOf(app.WebAddress, httpsCertificate: certificate);
        using var person = signedIn ? await app.SignInAsync(SignIn.NewEmail("graded")) : null;

        var scan = await GradeAsync(gateway, certificate, path, person?.CookieHeader);

        output.WriteLine(scan.ToString());
        Assert.Equal((int)status, scan.GetProperty("statusCode").GetInt32());
        // The certificate was trusted, the way a browser trusts a real one (the grader would otherwise retry unverified).
        Assert.True(scan.GetProperty("verified").GetBoolean(), "the grader did not verify the certificate");
        var failed = scan.GetProperty("tests").EnumerateObject()
            .Where(test => !test.Value.GetProperty("pass").GetBoolean())
            .Select(test => $"{test.Name}: {test.Value.GetProperty("result").GetString()}")
            .ToList();
        Assert.True(failed.Count == 0, $"failed rules on {path}: {string.Join(", ", failed)}");
        Assert.True(scan.GetProperty("score").GetInt32() >= 100, $"{path} scored {scan.GetProperty("score")} ({scan.GetProperty("grade")}):\n{scan}");
    }

    private static async Task<JsonElement> GradeAsync(InProcessGateway gateway, X509Certificate2 certificate, string path, string? cookie)
    {
        var grader = Path.Combine(Repository.Root(), "eng", "observatory");
        Assert.True(Directory.Exists(Path.Combine(grader, "node_modules", "@mdn", "mdn-http-observatory")),
            $"The Observatory grader is not installed in {grader}: run eng/install-prerequisites.sh.");

        var caFile = Path.Combine(Path.GetTempPath(), $"inventory-observatory-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(caFile, certificate.ExportCertificatePem());
        try
        {
            var start = new ProcessStartInfo("node") { WorkingDirectory = grader, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("grade.mjs");
            start.ArgumentList.Add("127.0.0.1");
            start.ArgumentList.Add(gateway.Address("http").Port.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add(gateway.Address("https").Port.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add(path);
            if (cookie is not null)
                start.ArgumentList.Add(cookie);
            start.Environment["NODE_EXTRA_CA_CERTS"] = caFile;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"the grader failed on {path}: {await stderr}");
            return JsonDocument.Parse(await stdout).RootElement.Clone();
        }
        finally
        {
            File.Delete(caFile);
        }
    }
}
