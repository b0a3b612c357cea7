using Inventory.Drills;
using Inventory.Drills.Drills;
using Inventory.ServiceDefaults.Security;

// Fault drills against a running Inventory instance on this machine (loopback only). drills/README.md.
var options = args.Skip(1).Chunk(2).Where(p => p.Length == 2 && p[0].StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p[0][2..], p => p[1]);
var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
var runDirectory = options.GetValueOrDefault("run-dir") ?? Path.Combine(root, "drills", ".run");
var drill = args.FirstOrDefault() ?? "help";

try
{
    if (drill == "keys")
    {
        // A key pair for the instance to trust (start-instance.sh passes the public one to the AppHost).
        Directory.CreateDirectory(runDirectory);
        var pair = SigningKeys.Generate();
        File.WriteAllText(Path.Combine(runDirectory, "web-signing-key.pem"), pair.PrivateKeyPem);
        File.WriteAllText(Path.Combine(runDirectory, "web-signing-public-key.pem"), pair.PublicKeyPem);
        return 0;
    }

    var dataDirectory = options.GetValueOrDefault("data-dir") ?? Path.Combine(runDirectory, "postgres");
    var keyFile = options.GetValueOrDefault("key") ?? Path.Combine(runDirectory, "web-signing-key.pem");
    if (drill == "wait")
    {
        // Until the instance's services answer (start-instance.sh), bounded.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            try
            {
                var found = Instance.Find(dataDirectory, keyFile);
                await Api.WaitHealthyAsync(found.Catalog, TimeSpan.FromSeconds(5));
                await Api.WaitHealthyAsync(found.Procurement, TimeSpan.FromSeconds(5));
                Console.WriteLine($"catalog {found.Catalog} procurement {found.Procurement} postgres 127.0.0.1:{found.PostgresPort}");
                return 0;
            }
            catch (Exception ex) when (ex is DrillException or IOException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(1000);
            }
        }
    }

    var instance = Instance.Find(dataDirectory, keyFile);
    Console.Error.WriteLine($"drill {drill}: catalog {instance.Catalog}, procurement {instance.Procurement}, postgres 127.0.0.1:{instance.PostgresPort}");
    var line = drill switch
    {
        "one-row" => await OneRowDrill.RunAsync(instance),
        "duplicates" => await DuplicatesDrill.RunAsync(instance),
        "catalog-down" => await CatalogDownDrill.RunAsync(instance),
        "db-cut" => await DatabaseDrill.RunAsync(instance, DatabaseDrill.Fault.Cut, runDirectory, 15),
        "db-freeze" => await DatabaseDrill.RunAsync(instance, DatabaseDrill.Fault.Freeze, runDirectory, 10),
        "db-stop" => await DatabaseDrill.RunAsync(instance, DatabaseDrill.Fault.Stop, runDirectory, 60),
        "catalog-kill" => await CatalogKillDrill.RunAsync(instance, runDirectory),
        _ => throw new DrillException("drills: one-row | duplicates | catalog-down | db-cut | db-freeze | db-stop | catalog-kill | keys  [--data-dir DIR] [--key FILE] [--run-dir DIR]"),
    };
    Console.WriteLine(line);
    return 0;
}
catch (DrillException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
