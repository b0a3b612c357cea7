using System.Net.Http.Json;
using System.Text.Json;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Inventory.Tests.Service.Procurement;
using Microsoft.AspNetCore.Hosting;

namespace Inventory.Tests.Service.Fuzz;

/// <summary>A service under fuzz: a signed-in Admin, the peer-service identity, and how to read its OpenAPI document.</summary>
public sealed record FuzzService(string Name, HttpClient User, HttpClient Peer, Func<Task<JsonElement>> ReadDocumentAsync)
{
    /// <summary>Only procurement itself may post receipts to the catalog; everything else a signed-in Admin may call.</summary>
    public HttpClient ClientFor(OpenApiOperation operation) =>
        Name == ResourceNames.Catalog && operation is { Method: "POST", Path: "/api/receipts" } ? Peer : User;
}

/// <summary>
/// The data the fuzzer aims at (one of everything, made through the real APIs), the ids a path or body field
/// refers to, and the digests of both databases to tell that a refused write changed nothing.
/// </summary>
public sealed class FuzzWorld
{
    private readonly ServicesFixture _fixture;
    private readonly Dictionary<string, Guid> _idsBySegment;
    private IReadOnlyDictionary<string, string> _catalogDigest = new Dictionary<string, string>();
    private IReadOnlyDictionary<string, string> _procurementDigest = new Dictionary<string, string>();

    private FuzzWorld(ServicesFixture fixture, Dictionary<string, Guid> idsBySegment, Dictionary<string, Guid> idsByField)
    {
        _fixture = fixture;
        _idsBySegment = idsBySegment;
        IdsByField = idsByField;
        Services =
        [
            new(ResourceNames.Catalog, fixture.Catalog.CreateClientAs(Roles.Admin, "fuzz-admin"), fixture.Catalog.CreateServiceClient(),
                () => ReadDocumentAsync(fixture.Catalog)),
            new(ResourceNames.Procurement, fixture.Procurement.CreateClientAs(Roles.Admin, "fuzz-admin"), fixture.Procurement.CreateServiceClient(),
                () => ReadDocumentAsync(fixture.Procurement)),
        ];
    }

    public IReadOnlyList<FuzzService> Services { get; }

    /// <summary>Body fields that refer to existing data, by JSON name.</summary>
    public IReadOnlyDictionary<string, Guid> IdsByField { get; }

    public static async Task<FuzzWorld> CreateAsync(ServicesFixture fixture)
    {
        var data = new ProcurementTestData(fixture);
        await data.ResetAsync();
        var item = await data.ItemAsync("FZ-ITEM");
        var supplier = await data.SupplierAsync("Fuzz supplier");
        var supplierItem = await data.SupplierItemAsync(supplier.Id, item.Id, 2m);
        var warehouse = await data.LocationAsync("FZ-WH");
        var otherWarehouse = await data.LocationAsync("FZ-WH2");
        var draft = await data.DraftAsync(supplier.Id, (item.Id, 5m, 2m));
        var submitted = await data.SubmittedAsync(supplier.Id, (item.Id, 5m, 2m));
        var category = await CreatedIdAsync(data.CatalogManager, "/api/categories", new { name = "Fuzz category" });
        var movement = (await (await data.CatalogManager.PostAsJsonAsync("/api/movements/receipts",
                new { itemId = item.Id, locationId = warehouse, quantity = 10m }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("movements")[0].GetProperty("id").GetGuid();
        var count = await CreatedIdAsync(data.CatalogManager, "/api/counts", new { locationId = warehouse });

        var world = new FuzzWorld(fixture,
            new()
            {
                ["items"] = item.Id, ["suppliers"] = supplier.Id, ["supplier-items"] = supplierItem.Id, ["locations"] = warehouse,
                ["purchase-orders"] = draft.Id, ["receipts"] = submitted.Id, ["categories"] = category, ["movements"] = movement,
                ["counts"] = count,
            },
            // No receipt line id: a receipt that succeeded would set the outbox dispatcher writing while the digests are compared.
            new()
            {
                ["itemId"] = item.Id, ["supplierId"] = supplier.Id, ["preferredSupplierId"] = supplier.Id, ["locationId"] = warehouse,
                ["fromLocationId"] = warehouse, ["toLocationId"] = otherWarehouse, ["categoryId"] = category,
            });
        await world.ChangedTablesAsync();
        return world;
    }

    /// <summary>Archiving, cancelling, posting, deleting go last, so the other operations meet live data.</summary>
    public static bool ChangesState(OpenApiOperation operation) =>
        operation.Method == "DELETE" || operation.Path.EndsWith("archive", StringComparison.Ordinal)
        || operation.Path.EndsWith("/cancel", StringComparison.Ordinal) || operation.Path.EndsWith("/close", StringComparison.Ordinal)
        || operation.Path.EndsWith("/submit", StringComparison.Ordinal) || operation.Path.EndsWith("/post", StringComparison.Ordinal);

    /// <summary>The operation's address with real ids in its path, one of them or one query value replaced.</summary>
    public string Url(OpenApiOperation operation, (string Name, string Value)? path, (string Name, string Value)? query)
    {
        var segments = operation.Path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
                continue;
            var name = segments[i].Trim('{', '}');
            segments[i] = path?.Name == name ? path.Value.Value : RealId(operation, name, segments[i - 1]).ToString();
        }
        var url = string.Join('/', segments);
        return query is { } q ? $"{url}?{q.Name}={q.Value}" : url;
    }

    private Guid RealId(OpenApiOperation operation, string name, string segmentBefore)
    {
        if (name != "id" && IdsByField.TryGetValue(name, out var byField))
            return byField;
        var segment = operation.Path.EndsWith("/receipts", StringComparison.Ordinal) && segmentBefore == "purchase-orders" ? "receipts" : segmentBefore;
        return _idsBySegment.TryGetValue(segment, out var id) ? id : Guid.NewGuid();
    }

    /// <summary>The tables of either database whose content changed since the last call.</summary>
    public async Task<IReadOnlyList<string>> ChangedTablesAsync()
    {
        var catalog = await DatabaseFingerprint.ReadAsync(_fixture.Postgres.ConnectionString(ResourceNames.CatalogDb));
        var procurement = await DatabaseFingerprint.ReadAsync(_fixture.Postgres.ConnectionString(ResourceNames.ProcurementDb));
        var changed = DatabaseFingerprint.Changed(_catalogDigest, catalog).Select(t => $"catalogdb.{t}")
            .Concat(DatabaseFingerprint.Changed(_procurementDigest, procurement).Select(t => $"procurementdb.{t}")).ToList();
        (_catalogDigest, _procurementDigest) = (catalog, procurement);
        return changed;
    }

    private static async Task<Guid> CreatedIdAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The document is served in Development only: read it from a Development twin of the host, then let the twin go.</summary>
    private static async Task<JsonElement> ReadDocumentAsync<TMarker>(ServiceFactory<TMarker> factory) where TMarker : class
    {
        await using var development = factory.WithWebHostBuilder(b => b.UseEnvironment("Development"));
        return JsonDocument.Parse(await development.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement.Clone();
    }
}
