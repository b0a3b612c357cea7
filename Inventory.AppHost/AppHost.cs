using Inventory.AppHost;
using Inventory.AppHost.Postgres;
using Inventory.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);
// Only the gateway, a configured PostgreSQL port and the dashboard have fixed ports; a taken one stops the start.
builder.AddFixedPortCheck();

// One PostgreSQL server, one database per owning service. How it runs (local binaries, container,
// external server) is chosen by the Postgres:Mode setting; see docs/configuration.md.
var databases = builder.AddInventoryDatabases();
// Web signs user tokens and procurement its service tokens; the services (and the gateway) verify with the public keys.
var keys = SigningKeyParameters.Add(builder);

var catalog = builder.AddProject<Projects.Inventory_CatalogService>(ResourceNames.Catalog)
    .WithPortChosenAtStart()
    .WithDatabase(databases.Catalog)
    .WithoutBlindForwardedHeaders()
    .WithEnvironment(SigningKeyParameters.UserPublicKeySetting, keys.WebPublic)
    .WithEnvironment(SigningKeyParameters.ProcurementPublicKeySetting, keys.ProcurementPublic)
    .WithDemoDataWhenAsked()
    .WithReplicasFromSettings()
    .WithHttpHealthCheck(HealthEndpoints.HealthPath);

var procurement = builder.AddProject<Projects.Inventory_ProcurementService>(ResourceNames.Procurement)
    .WithPortChosenAtStart()
    .WithDatabase(databases.Procurement)
    .WithoutBlindForwardedHeaders()
    .WithEnvironment(SigningKeyParameters.UserPublicKeySetting, keys.WebPublic)
    .WithEnvironment(SigningKeyParameters.SigningKeySetting, keys.ProcurementPrivate)
    .WithReference(catalog)
    .WithReplicasFromSettings()
    .WithHttpHealthCheck(HealthEndpoints.HealthPath);

var web = builder.AddProject<Projects.Inventory_Web>(ResourceNames.Web)
    .WithPortChosenAtStart()
    .WithDatabase(databases.Web)
    .WithoutBlindForwardedHeaders()
    .WithEnvironment(SigningKeyParameters.SigningKeySetting, keys.WebPrivate)
    .WithSignIn()
    .WithReference(catalog).WaitFor(catalog)
    .WithReference(procurement).WaitFor(procurement)
    .WithReplicasFromSettings()
    .WithHttpHealthCheck(HealthEndpoints.HealthPath);

// The gateway is the only resource reachable from outside.
builder.AddProject<Projects.Inventory_Gateway>(ResourceNames.Gateway)
    .WithReference(web).WaitFor(web)
    // Only to verify the budget passes Web gives signed-in browsers: per-user rate limits (docs/security.md).
    .WithEnvironment(SigningKeyParameters.UserPublicKeySetting, keys.WebPublic)
    .WithPublicGatewayEndpoint()
    .WithHttpsWhenConfigured()
    .WithGatewaySettings()
    .WithReplicasFromSettings()
    // Over HTTP, which the gateway answers for probes even when it redirects everything else to HTTPS.
    .WithHttpHealthCheck(HealthEndpoints.HealthPath, endpointName: "http");

builder.CheckReplicaSettingsNameProjects();
builder.PassTraceSampleRatioToProjects();
builder.LimitMallocArenasOfProjects();
builder.ExportTelemetryOverOtlpHttp();
builder.Build().Run();
