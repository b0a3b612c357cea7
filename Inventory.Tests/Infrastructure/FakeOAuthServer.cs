using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// A stand-in for Google's OAuth endpoints on a loopback port, so the real Google handler runs end to end:
/// authorize (issues a code for the chosen account — from a <c>test_user</c> query value, or a small account
/// form for browsers), token (checks client secret, redirect URI and the PKCE verifier) and userinfo.
/// </summary>
public sealed class FakeOAuthServer : IAsyncDisposable
{
    public const string ClientId = "test-client-id";
    public const string ClientSecret = "test-client-secret";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, FakeAccount> _accessTokens = new();

    public sealed record FakeAccount(string Email, string? HostedDomain, bool EmailVerified = true, string Name = "Test User");

    private sealed record Grant(FakeAccount Account, string RedirectUri, string CodeChallenge);

    /// <summary>Every authorize request's query, for assertions.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> AuthorizeRequests { get; } = new();

    private FakeOAuthServer(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();
    public string AuthorizationEndpoint => $"{BaseUrl}/authorize";
    public string TokenEndpoint => $"{BaseUrl}/token";
    public string UserInformationEndpoint => $"{BaseUrl}/userinfo";

    public static async Task<FakeOAuthServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOAuthServer(app);
        app.MapGet("/authorize", (Func<HttpContext, IResult>)server.Authorize);
        app.MapPost("/authorize", (Func<HttpContext, Task<IResult>>)server.AuthorizeForm);
        app.MapPost("/token", (Func<HttpContext, Task<IResult>>)server.Token);
        app.MapGet("/userinfo", (Func<HttpContext, IResult>)server.UserInfo);
        await app.StartAsync();
        return server;
    }

    public static FakeAccount AccountFor(string email) => new(email, email.Split('@')[1]);

    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        AuthorizeRequests.Enqueue(query);
        if (query.TryGetValue("test_user", out var email))
            return RedirectWithCode(query, AccountFor(email));

        // A browser gets an account chooser, as on Google.
        var hidden = string.Concat(query.Select(q => $"<input type=\"hidden\" name=\"{q.Key}\" value=\"{System.Net.WebUtility.HtmlEncode(q.Value)}\">"));
        return Results.Content($"""
            <!DOCTYPE html><html><body><h1>Fake Google</h1>
            <form method="post" action="/authorize">{hidden}
            <label>E-mail <input id="email" name="test_user" type="email"></label>
            <button id="continue" type="submit">Continue</button></form></body></html>
            """, "text/html");
    }

    private async Task<IResult> AuthorizeForm(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var query = form.ToDictionary(f => f.Key, f => f.Value.ToString());
        return RedirectWithCode(query, AccountFor(query["test_user"]));
    }

    private IResult RedirectWithCode(IReadOnlyDictionary<string, string> query, FakeAccount account)
    {
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(account, query["redirect_uri"], query.GetValueOrDefault("code_challenge", ""));
        return Results.Redirect(QueryHelpers.AddQueryString(query["redirect_uri"],
            new Dictionary<string, string?> { ["code"] = code, ["state"] = query.GetValueOrDefault("state") }));
    }

    private async Task<IResult> Token(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        if (!_codes.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"])
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        var challenge = Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (challenge != grant.CodeChallenge)
            return Results.Json(new { error = "invalid_grant", error_description = "PKCE verification failed" }, statusCode: 400);

        var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _accessTokens[accessToken] = grant.Account;
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 3600 });
    }

    private IResult UserInfo(HttpContext context)
    {
        var token = context.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
        if (!_accessTokens.TryGetValue(token, out var account))
            return Results.Unauthorized();
        return Results.Json(new Dictionary<string, object?>
        {
            ["sub"] = "google-" + account.Email,
            ["email"] = account.Email,
            ["email_verified"] = account.EmailVerified,
            ["name"] = account.Name,
            ["hd"] = account.HostedDomain,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
