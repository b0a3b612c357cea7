using Inventory.Tests.Service.Gateway;
using System.Net;
using System.Text.RegularExpressions;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.EndToEnd;

/// <summary>
/// The headers on what the real Web serves through the real gateway (the shared AppHost). Only a few
/// requests each: every test of this collection comes from 127.0.0.1 and shares its rate-limit budget.
/// form-action is checked for shape only: the AppHost may point sign-in at another provider (the
/// in-process tests check the Google default).
/// </summary>
[Collection(AppHostCollection.Name)]
public sealed partial class GatewaySecurityHeaderTests(AppHostFixture fixture)
{
    // The AppHost lets sign-in forms reach Google and the configured provider (here the fake one).
    private string ExpectedFormAction =>
        $"{SecurityHeaderAssertions.GoogleFormAction} {new Uri(fixture.OAuth.AuthorizationEndpoint).GetLeftPart(UriPartial.Authority)}";

    [Fact]
    public async Task Page_carries_the_security_headers_and_is_not_cached()
    {
        var response = await fixture.CreateClient(ResourceNames.Gateway).GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        response.AssertSecurityHeaders(formAction: ExpectedFormAction);
        Assert.Contains("no-store", response.CacheControl());
    }

    [Fact]
    public async Task Fingerprinted_static_file_keeps_the_caching_web_gives_it_and_carries_the_security_headers()
    {
        var gateway = fixture.CreateClient(ResourceNames.Gateway);
        var href = BootstrapCss().Match(await gateway.GetStringAsync("/dashboard")).Groups["href"].Value;
        Assert.Matches("^/lib/bootstrap/bootstrap\\.min\\.[a-z0-9]+\\.css$", href); // the fingerprinted name

        var throughGateway = await gateway.GetAsync(href);
        var fromWeb = await fixture.CreateClient(ResourceNames.Web).GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, throughGateway.StatusCode);
        // MapStaticAssets sends "max-age=31536000, immutable" for fingerprinted files, except in Development
        // (where the AppHost runs Web in tests), when it sends "no-cache" so edits show at once. Whichever
        // it is, the gateway passes it on unchanged; GatewayResponseHeaderTests checks the immutable form.
        Assert.NotNull(fromWeb.CacheControl());
        Assert.Equal(fromWeb.CacheControl(), throughGateway.CacheControl());
        throughGateway.AssertSecurityHeaders(formAction: ExpectedFormAction);
    }

    [Fact]
    public async Task Not_found_page_carries_the_security_headers_and_is_not_cached()
    {
        using var browser = await fixture.SignInAsync("headers@example.test");
        var response = await browser.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        response.AssertSecurityHeaders(formAction: ExpectedFormAction);
        Assert.Contains("no-store", response.CacheControl());
    }

    [Fact]
    public async Task Gateway_health_endpoint_carries_the_security_headers()
    {
        var response = await fixture.CreateClient(ResourceNames.Gateway).GetAsync(HealthEndpoints.HealthPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        response.AssertSecurityHeaders(formAction: ExpectedFormAction);
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style_that_the_policy_would_block()
    {
        var html = await fixture.CreateClient(ResourceNames.Gateway).GetStringAsync("/dashboard");

        Assert.DoesNotMatch(InlineScriptOrStyle(), html);
    }

    [GeneratedRegex("href=\"(?<href>/lib/bootstrap/bootstrap\\.min[^\"]*\\.css)\"")]
    private static partial Regex BootstrapCss();

    // A <script> without src (a type="application/json" data block is data, never run), a <style> element, a style="" attribute or an on*="" handler.
    [GeneratedRegex("<script(?![^>]*\\ssrc=)(?![^>]*\\stype=\"application/json\")[^>]*>|<style[\\s>]|\\sstyle\\s*=|\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptOrStyle();
}
