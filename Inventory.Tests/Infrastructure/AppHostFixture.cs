using System.Security.Claims;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;

namespace Inventory.Tests.Infrastructure;

/// <summary>
/// The whole application as the AppHost wires it — local PostgreSQL on a temp data directory, the
/// services, web and gateway — started once for all end-to-end tests. Google sign-in is configured against
/// a <see cref="FakeOAuthServer"/>; only accounts of <see cref="AllowedDomain"/> may sign in, and
/// <see cref="AdminEmail"/> becomes Admin.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    public const string AllowedDomain = "example.test";
    public const string AdminEmail = "admin@example.test";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private DirectoryInfo? _dataDirectory;

    public DistributedApplication App { get; private set; } = null!;
    public FakeOAuthServer OAuth { get; private set; } = null!;
    public SigningKeys.KeyPair WebKeys { get; } = SigningKeys.Generate();

    public async Task InitializeAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("inventory-e2e-");
        OAuth = await FakeOAuthServer.StartAsync();
        App = await StartAsync(_dataDirectory.FullName,
        [
            $"--Parameters:google-client-id={FakeOAuthServer.ClientId}",
            $"--Parameters:google-client-secret={FakeOAuthServer.ClientSecret}",
            $"--Auth:Google:AuthorizationEndpoint={OAuth.AuthorizationEndpoint}",
            $"--Auth:Google:TokenEndpoint={OAuth.TokenEndpoint}",
            $"--Auth:Google:UserInformationEndpoint={OAuth.UserInformationEndpoint}",
            $"--Auth:AllowedDomains:0={AllowedDomain}",
            $"--Auth:AdminEmails:0={AdminEmail}",
            $"--Parameters:web-signing-key={WebKeys.PrivateKeyPem}",
            $"--Parameters:web-signing-public-key={WebKeys.PublicKeyPem}",
            // Every end-to-end request comes from 127.0.0.1, one client to the rate limiter: budgets no test
            // run reaches (the limits themselves are tested on a gateway of their own).
            "--RateLimiting:Global:PermitLimit=1000000",
            "--RateLimiting:Writes:PermitLimit=1000000",
            "--RateLimiting:SignIn:PermitLimit=1000000",
        ]);
    }

    /// <summary>Starts the AppHost on a data directory and waits until the gateway is healthy.</summary>
    public static async Task<DistributedApplication> StartAsync(string dataDirectory, string[]? extraArgs = null)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Inventory_AppHost>(
            [
                "--Postgres:Mode=local",
                $"--Postgres:DataDirectory={dataDirectory}",
                "--Gateway:Port=0", // a random port: a developer's running app may hold 8080
                .. extraArgs ?? [],
            ],
            (options, _) => options.DisableDashboard = true,
            timeout.Token);

        // Exporters with no collector retry for seconds at shutdown.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
            project.Annotations.Add(new EnvironmentCallbackAnnotation(env => env["OTEL_SDK_DISABLED"] = "true"));

        var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, timeout.Token);
        return app;
    }

    public HttpClient CreateClient(string resource) => App.CreateHttpClient(resource);

    public Uri GatewayUrl => App.GetEndpoint(ResourceNames.Gateway, "http");

    /// <summary>A client of a backend service calling as a user with <paramref name="role"/>, as Web would.</summary>
    public HttpClient CreateServiceClient(string service, string role, string email = "e2e@example.test")
    {
        var client = App.CreateHttpClient(service);
        var token = new TokenMinter(TokenClaims.UserIssuer, WebKeys.PrivateKeyPem, TimeProvider.System).Mint(service,
            [new Claim(TokenClaims.Subject, Guid.NewGuid().ToString()), new Claim(TokenClaims.Email, email), new Claim(TokenClaims.Role, role)]);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Signs in through the gateway with the real Google handler against the fake provider.</summary>
    public async Task<BrowserSession> SignInAsync(string email)
    {
        var session = new BrowserSession(GatewayUrl);
        var toProvider = await session.SubmitFormAsync("/login", "/login?handler=Google", new Dictionary<string, string>(), follow: false);
        var authorize = toProvider.Headers.Location!.ToString() + "&test_user=" + Uri.EscapeDataString(email);
        await session.GetAsync(authorize);
        return session;
    }

    /// <summary>
    /// Signs in as <paramref name="email"/> and, unless it is the default Viewer, has the admin give the user
    /// <paramref name="role"/> on the users page — the way a real deployment hands out roles.
    /// </summary>
    public async Task<BrowserSession> SignInAsync(string email, string role)
    {
        var session = await SignInAsync(email);
        if (role == Roles.Viewer)
            return session;
        using var admin = await SignInAsync(AdminEmail);
        var page = await (await admin.GetAsync("/admin/users")).Content.ReadAsStringAsync();
        var row = System.Text.RegularExpressions.Regex.Match(page,
            $"<tr data-email=\"{System.Text.RegularExpressions.Regex.Escape(email)}\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        string Hidden(string name) => System.Text.RegularExpressions.Regex.Match(row, $"name=\"{name}\" value=\"([^\"]+)\"").Groups[1].Value;
        var saved = await admin.SubmitFormAsync("/admin/users", "/admin/users?handler=Role",
            new Dictionary<string, string> { ["id"] = Hidden("id"), ["version"] = Hidden("version"), ["role"] = role });
        if (!saved.IsSuccessStatusCode)
            throw new InvalidOperationException($"Could not make {email} a {role}: {saved.StatusCode}");
        return session;
    }

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
