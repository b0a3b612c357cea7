using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Inventory.LocalPostgres;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Web;
using Npgsql;

namespace Inventory.Tests.Deployment;

/// <summary>
/// The single-VM deployment of docs/deployment.md, on this machine and without the AppHost: the Release builds of
/// the four services started as plain processes, each with its example environment file from deploy/vm — filled
/// in as an operator would (generated keys, the fake Google provider, a PostgreSQL role owning the three
/// databases) and with the files' fixed ports, paths and database server moved to free ones — like systemd
/// starting the units. Nothing else is configured, so whatever the files lack, the test lacks too.
/// </summary>
public sealed partial class VmDeployment : IAsyncLifetime, IWebApp
{
    public const string DatabaseRole = "inventory";
    private static readonly TimeSpan HealthyTimeout = TimeSpan.FromMinutes(2);

    private readonly string _databasePassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private readonly Dictionary<string, ServiceProcess> _services = [];
    private DirectoryInfo? _root;

    public TemporaryPostgresServer Postgres { get; private set; } = null!;
    public FakeOAuthServer OAuth { get; private set; } = null!;
    public SigningKeys.KeyPair WebKeys { get; } = SigningKeys.Generate();
    public SigningKeys.KeyPair ProcurementKeys { get; } = SigningKeys.Generate();

    /// <summary>Each service's loopback address (the files' fixed ports, moved).</summary>
    public Dictionary<string, Uri> Urls { get; } = [];

    /// <summary>Where /etc/inventory and /var/log/inventory are for this run.</summary>
    public string ConfigDirectory => Path.Combine(_root!.FullName, "etc");
    public string LogDirectory => Path.Combine(_root!.FullName, "log");

    public Uri Address => Urls["gateway"];

    private readonly Dictionary<string, Dictionary<string, string>> _fromFiles = [];
    private readonly Dictionary<string, (string[] Command, string Directory)> _commands = [];

    /// <summary>
    /// Runs <c>check</c> with the service's unit command and only its filled-in env file (none of the test's own
    /// settings), plus <paramref name="arguments"/>; the exit code and what it printed.
    /// </summary>
    public async Task<(int ExitCode, string Output)> CheckAsync(string service, params string[] arguments)
    {
        var (command, directory) = _commands[service];
        var start = new System.Diagnostics.ProcessStartInfo(command[0])
        {
            WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var part in command[1..].Concat(["check", .. arguments]))
            start.ArgumentList.Add(part);
        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "DOTNET_ROOT", "TMPDIR" })
            if (Environment.GetEnvironmentVariable(name) is { } value)
                start.Environment[name] = value;
        foreach (var (key, value) in _fromFiles[service])
            start.Environment[key] = value;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await output + await error);
    }

    public async Task InitializeAsync()
    {
        var published = PublishedServices.PublishAsync();
        _root = Directory.CreateTempSubdirectory("inventory-vm-");
        Directory.CreateDirectory(ConfigDirectory);
        Directory.CreateDirectory(LogDirectory);
        Postgres = await TemporaryPostgresServer.StartAsync();
        OAuth = await FakeOAuthServer.StartAsync();
        await CreateRoleAndDatabasesAsync();
        var certificatePassword = WriteDataProtectionCertificate();
        var output = await published;

        var filled = Placeholders(certificatePassword);
        var moved = MovedPlaces();
        foreach (var (name, _) in PublishedServices.All)
        {
            var unit = SystemdUnit.Read(Path.Combine(Repository.Root(), "deploy", "vm", $"inventory-{name}.service"));
            var settings = EnvironmentFile.Read(WriteFilledIn(unit.EnvironmentFile, filled, moved));
            _fromFiles[name] = new Dictionary<string, string>(settings);
            foreach (var (key, value) in TestOnlySettings(name))
                settings[key] = value;
            // The unit's paths under /opt/inventory/<service> are the publish output; /usr/bin/dotnet is whichever dotnet runs the tests.
            string OnThisMachine(string part) => part == "/usr/bin/dotnet" ? "dotnet" : part.Replace($"/opt/inventory/{name}", output[name], StringComparison.Ordinal);
            _commands[name] = ([.. unit.ExecStart.Select(OnThisMachine)], OnThisMachine(unit.WorkingDirectory));
            _services[name] = ServiceProcess.Start(name, _commands[name].Command, _commands[name].Directory, settings);
        }
        await Task.WhenAll(_services.Values.Select(s => s.WaitUntilHealthyAsync(Urls[s.Name], HealthyTimeout)));
        await WarmUpAsync();
    }

    /// <summary>
    /// A cold process JIT-compiles each code path at its first request; on a loaded machine (the suite runs
    /// collections side by side on two cores) those first requests can miss the services' 3–4 s budgets. One pass,
    /// retried, over the paths the tests take — the services' writes and Web's pages — before any test runs.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var ui = new ProcurementUi(this);
        var warehouse = await UntilAnsweredAsync(() => ui.WarehouseAsync(ProcurementUi.Unique("WARM")));
        var item = await UntilAnsweredAsync(() => ui.ItemAsync(ProcurementUi.Unique("WARM")));
        var supplier = await UntilAnsweredAsync(() => ui.SupplierAsync(ProcurementUi.Unique("Warm")));
        var order = await UntilAnsweredAsync(() => ui.SubmittedOrderAsync(supplier.Id, item.Id, quantity: 10, unitPrice: 1));
        await UntilAnsweredAsync(() => ui.ReceiveAsync(order, warehouse.Id, 1)); // 1 of 10: a retry after a late answer is no over-receipt
        await UntilAnsweredAsync(() => ui.StockAsync(item.Id));
        await UntilAnsweredAsync(async () =>
        {
            using var admin = await SignIn.AsAsync(Address, SignIn.AdminEmail);
            foreach (var page in new[] { "/inventory", "/suppliers" })
                (await admin.GetAsync(page)).EnsureSuccessStatusCode();
            var created = await admin.SubmitFormAsync("/inventory/new", "/inventory/new", new Dictionary<string, string>
            {
                ["Input.Sku"] = ProcurementUi.Unique("WARM"),
                ["Input.Name"] = "Warm-up",
                ["Input.Unit"] = "each",
            });
            var html = await created.Content.ReadAsStringAsync();
            return html.Contains("is not answering right now", StringComparison.Ordinal) ? throw new TimeoutException("not answered") : html;
        });
    }

    private static async Task<T> UntilAnsweredAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (attempt < 5)
            {
                await Task.Delay(500);
            }
        }
    }

    /// <summary>The guide's database step: one login role, owner of the three databases.</summary>
    private async Task CreateRoleAndDatabasesAsync()
    {
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using (var role = new NpgsqlCommand($"CREATE ROLE {DatabaseRole} LOGIN PASSWORD '{_databasePassword}'", connection))
            await role.ExecuteNonQueryAsync();
        foreach (var database in new[] { ResourceNames.CatalogDb, ResourceNames.ProcurementDb, ResourceNames.WebDb })
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database} OWNER {DatabaseRole}", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The certificate web.env points at for protecting data-protection keys, with a generated password.</summary>
    private string WriteDataProtectionCertificate()
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Inventory data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(Path.Combine(ConfigDirectory, "dataprotection.pfx"), certificate.Export(X509ContentType.Pfx, password));
        return password;
    }

    /// <summary>What the operator writes over each &lt;…&gt; placeholder of the example files.</summary>
    private Dictionary<string, string> Placeholders(string certificatePassword) => new()
    {
        ["<database-password>"] = _databasePassword,
        ["<web-signing-key>"] = WebKeys.PrivateKeyPem,
        ["<web-signing-public-key>"] = WebKeys.PublicKeyPem,
        ["<procurement-signing-key>"] = ProcurementKeys.PrivateKeyPem,
        ["<procurement-signing-public-key>"] = ProcurementKeys.PublicKeyPem,
        ["<google-client-id>"] = FakeOAuthServer.ClientId,
        ["<google-client-secret>"] = FakeOAuthServer.ClientSecret,
        ["<allowed-domain>"] = SignIn.AllowedDomain,
        ["<admin-email>"] = SignIn.AdminEmail,
        // The test's browser reaches the gateway at 127.0.0.1 (no reverse proxy: it speaks to the gateway as nginx would).
        ["<public-host>"] = "127.0.0.1",
        ["<data-protection-certificate-password>"] = certificatePassword,
    };

    /// <summary>The files' fixed ports, database server and directories, moved to free ports and this run's folders.</summary>
    private Dictionary<string, string> MovedPlaces()
    {
        var moved = new Dictionary<string, string>
        {
            ["Host=127.0.0.1;Port=5432;"] = $"Host=127.0.0.1;Port={Postgres.Port};",
            ["/etc/inventory/"] = ConfigDirectory + "/",
            ["/var/log/inventory"] = LogDirectory,
        };
        foreach (var (name, fixedPort) in new[] { ("catalog", 5101), ("procurement", 5102), ("web", 5103), ("gateway", 8080) })
        {
            Urls[name] = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
            moved[$"http://127.0.0.1:{fixedPort}"] = Urls[name].GetLeftPart(UriPartial.Authority);
        }
        return moved;
    }

    /// <summary>
    /// The example file behind a unit's <c>EnvironmentFile=/etc/inventory/&lt;service&gt;.env</c> (deploy/vm/&lt;service&gt;.env)
    /// with every placeholder filled in, written where this run keeps /etc/inventory; its path.
    /// </summary>
    private string WriteFilledIn(string environmentFile, Dictionary<string, string> placeholders, Dictionary<string, string> moved)
    {
        var service = Path.GetFileNameWithoutExtension(environmentFile);
        Assert.Equal($"/etc/inventory/{service}.env", environmentFile);
        var text = File.ReadAllText(Path.Combine(Repository.Root(), "deploy", "vm", $"{service}.env"));
        // Settings only: comments may show <name>-like examples.
        var settings = string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith('#')));
        foreach (var placeholder in PlaceholderPattern().Matches(settings).Select(m => m.Value).Distinct())
        {
            Assert.True(placeholders.ContainsKey(placeholder), $"{service}.env has {placeholder}, which the test does not know how to fill in");
            text = text.Replace(placeholder, placeholders[placeholder], StringComparison.Ordinal);
        }
        foreach (var (from, to) in moved)
            text = text.Replace(from, to, StringComparison.Ordinal);
        var path = Path.Combine(ConfigDirectory, $"{service}.env");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>
    /// The only settings not from the files: Web's Google handler pointed at the fake provider, and no telemetry
    /// exporter retrying at shutdown.
    /// </summary>
    private IEnumerable<KeyValuePair<string, string>> TestOnlySettings(string service)
    {
        yield return new("OTEL_SDK_DISABLED", "true");
        if (service != "web")
            yield break;
        yield return new("Auth__Google__AuthorizationEndpoint", OAuth.AuthorizationEndpoint);
        yield return new("Auth__Google__TokenEndpoint", OAuth.TokenEndpoint);
        yield return new("Auth__Google__UserInformationEndpoint", OAuth.UserInformationEndpoint);
    }

    // The same form the preflight flags (PreflightContext.ContainsPlaceholder) and deploy/production-example uses.
    [GeneratedRegex("<[a-z0-9-]+>")]
    private static partial Regex PlaceholderPattern();

    /// <summary>What a service's log said so far (stdout and stderr), for failure messages.</summary>
    public string OutputOf(string service) => _services[service].Output;

    /// <summary>A client of a backend service calling as a user with <paramref name="role"/>, with a token signed by Web's key.</summary>
    public HttpClient CreateServiceClient(string service, string role)
    {
        var client = new HttpClient { BaseAddress = Urls[service] };
        var token = new TokenMinter(TokenClaims.UserIssuer, WebKeys.PrivateKeyPem, TimeProvider.System).Mint(service,
            [new Claim(TokenClaims.Subject, Guid.NewGuid().ToString()), new Claim(TokenClaims.Email, "vm@example.test"), new Claim(TokenClaims.Role, role)]);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _services.Values)
            service.Dispose();
        if (OAuth is not null)
            await OAuth.DisposeAsync();
        if (Postgres is not null)
            await Postgres.DisposeAsync();
        _root?.Delete(recursive: true);
    }
}

// Alone, after the parallel collections: its processes (a Release publish, or an AppHost with two of everything) would
// otherwise starve the other collections' services on a 2-core machine past their 2-3 s time budgets (504s).
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class VmDeploymentCollection : ICollectionFixture<VmDeployment>
{
    public const string Name = "vm-deployment";
}
