using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// The whole application as the AppHost wires it — local PostgreSQL on a temp data directory, the
/// services, web and gateway — for the end-to-end tests. Google sign-in is configured against a
/// <see cref="FakeOAuthServer"/> (see <see cref="SignIn"/>). The tests get the app's second run on its data
/// directory: a first run makes an item and a session and stops (<see cref="FirstRun"/>, for RestartTests),
/// which costs one AppHost start instead of two more of a restart test's own.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime, IWebApp
{
    public const string AllowedDomain = SignIn.AllowedDomain;
    public const string AdminEmail = SignIn.AdminEmail;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private DirectoryInfo? _dataDirectory;
    private string[] _args = [];

    public DistributedApplication App { get; private set; } = null!;
    public FakeOAuthServer OAuth { get; private set; } = null!;
    public SigningKeys.KeyPair WebKeys { get; } = SigningKeys.Generate();

    /// <summary>What the app's first run on the data directory left behind.</summary>
    public FirstRunTrace FirstRun { get; private set; } = null!;

    /// <summary>An item the first run created (and the answer it got), the session cookie of a person it signed in, or what failed.</summary>
    public sealed record FirstRunTrace(string Sku, string ItemName, HttpStatusCode? ItemCreated, string? SessionCookie, string? Failure = null);

    public async Task InitializeAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("inventory-e2e-");
        OAuth = await FakeOAuthServer.StartAsync();
        _args = Arguments(OAuth, WebKeys);
        await using (var first = await StartAsync(_dataDirectory.FullName, _args))
            FirstRun = await LeaveTraceAsync(first);
        App = await StartAsync(_dataDirectory.FullName, _args);
    }

    /// <summary>
    /// What every end-to-end app is started with: Google sign-in at <paramref name="oauth"/>, Web's signing keys, and
    /// rate-limit budgets no test run reaches.
    /// </summary>
    internal static string[] Arguments(FakeOAuthServer oauth, SigningKeys.KeyPair webKeys) =>
        [
            // The AppHost passes its Auth settings to Web and takes Google's client id and secret as parameters.
            .. SignIn.Settings(oauth).Select(setting => setting.Key switch
            {
                "Auth:Google:ClientId" => $"--Parameters:google-client-id={setting.Value}",
                "Auth:Google:ClientSecret" => $"--Parameters:google-client-secret={setting.Value}",
                _ => $"--{setting.Key}={setting.Value}",
            }),
            $"--Parameters:web-signing-key={webKeys.PrivateKeyPem}",
            $"--Parameters:web-signing-public-key={webKeys.PublicKeyPem}",
            // Every end-to-end request comes from 127.0.0.1, one client to the rate limiter: budgets no test
            // run reaches (the limits themselves are tested on a gateway of their own).
            "--RateLimiting:Global:PermitLimit=1000000",
            "--RateLimiting:Writes:PermitLimit=1000000",
            "--RateLimiting:SignIn:PermitLimit=1000000",
        ];

    /// <summary>
    /// Another instance of the AppHost, configured like this one (same sign-in provider and keys) on its own
    /// data directory, started while this one runs — as a second checkout on the same machine would be.
    /// </summary>
    public Task<DistributedApplication> StartAnotherInstanceAsync(string dataDirectory, params string[] extraArgs) =>
        StartAsync(dataDirectory, [.. _args, .. extraArgs]);

    /// <summary>Creates an item and signs a person in; failures are recorded for RestartTests, not thrown.</summary>
    private async Task<FirstRunTrace> LeaveTraceAsync(DistributedApplication app)
    {
        var sku = $"KEEP-{Guid.NewGuid():N}"[..20];
        const string name = "Kept across restarts";
        try
        {
            using var catalog = ServiceClient(app, ResourceNames.Catalog, Roles.Manager);
            var created = await catalog.PostAsJsonAsync("/api/items", new { sku, name, unit = "each" });
            using var session = await SignIn.AsAsync(app.GetEndpoint(ResourceNames.Gateway, "http"), SignIn.NewEmail("keeper"));
            var cookie = session.SetCookieHeaders.LastOrDefault(h => h.StartsWith("__Host-Inventory=", StringComparison.Ordinal))?.Split(';')[0];
            return new FirstRunTrace(sku, name, created.StatusCode, cookie);
        }
        catch (Exception ex) // whatever went wrong is the restart test's failure, not every end-to-end test's
        {
            return new FirstRunTrace(sku, name, null, null, ex.ToString());
        }
    }

    /// <summary>
    /// Starts the AppHost on a data directory and waits until the gateway is healthy. The gateway gets a free
    /// port (Gateway:Port=0); the internal services' ports are the orchestrator's choice in every run, as the
    /// AppHost configures them, so the tests also prove it runs beside a developer's own AppHost.
    /// </summary>
    internal static async Task<DistributedApplication> StartAsync(string dataDirectory, string[]? extraArgs = null)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Inventory_AppHost>(
            [
                "--Postgres:Mode=local",
                $"--Postgres:DataDirectory={dataDirectory}",
                "--Gateway:Port=0",
                // The testing builder would move every fixed port aside by itself; off, the app's ports are
                // exactly what the AppHost asks for, as in a developer's run (SideBySideTests relies on it).
                "--DcpPublisher:RandomizePorts=false",
                .. extraArgs ?? [],
            ],
            (options, _) => options.DisableDashboard = true,
            timeout.Token);

        // Exporters with no collector retry for seconds at shutdown.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
            project.Annotations.Add(new EnvironmentCallbackAnnotation(env => env["OTEL_SDK_DISABLED"] = "true"));

        var app = await builder.BuildAsync(timeout.Token);
        try
        {
            await app.StartAsync(timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, timeout.Token);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient(string resource) => App.CreateHttpClient(resource);

    public Uri GatewayUrl => App.GetEndpoint(ResourceNames.Gateway, "http");

    Uri IWebApp.Address => GatewayUrl;

    /// <summary>A client of a backend service calling as a user with <paramref name="role"/>, as Web would.</summary>
    public HttpClient CreateServiceClient(string service, string role) => ServiceClient(App, service, role);

    /// <summary>The same for a backend service of <paramref name="app"/> (e.g. one from <see cref="StartAnotherInstanceAsync"/>).</summary>
    public HttpClient ServiceClient(DistributedApplication app, string service, string role) => ServiceClient(app, WebKeys, service, role);

    /// <summary>The same for an app whose Web signs with <paramref name="webKeys"/>.</summary>
    internal static HttpClient ServiceClient(DistributedApplication app, SigningKeys.KeyPair webKeys, string service, string role)
    {
        var client = app.CreateHttpClient(service);
        var token = new TokenMinter(TokenClaims.UserIssuer, webKeys.PrivateKeyPem, TimeProvider.System).Mint(service,
            [new Claim(TokenClaims.Subject, Guid.NewGuid().ToString()), new Claim(TokenClaims.Email, "e2e@example.test"), new Claim(TokenClaims.Role, role)]);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Signs in through the gateway with the real Google handler against the fake provider.</summary>
    public Task<BrowserSession> SignInAsync(string email) => SignIn.AsAsync(GatewayUrl, email);

    /// <summary>Signs in through the gateway and has the admin give the user <paramref name="role"/>.</summary>
    public Task<BrowserSession> SignInAsync(string email, string role) => SignIn.AsAsync(GatewayUrl, email, role);

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await OAuth.DisposeAsync();
        _dataDirectory?.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "apphost";
}
