using System.Text.Json.Nodes;

namespace Inventory.Drills.Drills;

/// <summary>
/// 100 concurrent requests with one Idempotency-Key, for each kind of write. Every copy should get the first
/// answer (or wait for it); the stored effect must be exactly one.
/// </summary>
public static class DuplicatesDrill
{
    private sealed record Kind(string Name, HttpClient Client, string Path, object Body, Func<Task<int>> Effects);

    public static async Task<string> RunAsync(Instance instance, int copies = 100)
    {
        using var catalog = instance.CatalogClient();
        using var procurement = instance.ProcurementClient();
        var lines = new List<string>();
        var duplicates = 0;
        var requests = 0;
        foreach (var kind in await KindsAsync(catalog, procurement))
        {
            var tally = new Tally();
            var key = Guid.NewGuid().ToString();
            var request = Api.Post(kind.Path, kind.Body, key);
            var answers = await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => tally.SendAsync(kind.Client, request)));
            var bodies = answers.Where(a => a.Status is { } s && (int)s < 300).Select(a => Canonical(a.Body)).Distinct().Count();
            var effects = await kind.Effects();
            duplicates += Math.Max(0, effects - 1);
            requests += tally.Requests;
            var refusal = bodies == 0 ? $" first-answer={answers[0].Body[..Math.Min(160, answers[0].Body.Length)]}" : "";
            lines.Add($"duplicates {kind.Name}: requests={tally.Requests} answers=[{tally.Statuses}] distinct-2xx-bodies={bodies} stored={effects}{refusal}");
        }
        foreach (var line in lines)
            Console.WriteLine(line);
        return $"duplicates: kinds={lines.Count} requests={requests} duplicates={duplicates} (per kind above) lost-updates=n/a recovery=n/a";
    }

    private static string Canonical(string body) => JsonNode.Parse(body)?.ToJsonString() ?? body;

    private static async Task<List<Kind>> KindsAsync(HttpClient catalog, HttpClient procurement)
    {
        var item = await Api.NewItemAsync(catalog);
        var (from, to) = (await Api.NewLocationAsync(catalog), await Api.NewLocationAsync(catalog));
        await Api.ReceiveAsync(catalog, item, from, 1000);
        var countLocation = await Api.NewLocationAsync(catalog);
        await Api.ReceiveAsync(catalog, item, countLocation, 1);
        var sku = Api.Unique("DUP");
        var code = Api.Unique("DUPL");
        var category = $"Drill category {Guid.NewGuid():N}";
        var supplier = $"Drill supplier {Guid.NewGuid():N}";
        var order = await Api.SubmittedOrderAsync(catalog, procurement, 1000);
        var receivingLocation = await Api.NewLocationAsync(catalog);

        Func<Task<int>> Movements(string type) => async () => await Api.MovementCountAsync(catalog, item, type);
        Func<Task<int>> Found(HttpClient client, string path, Func<JsonNode, bool> match) => async () =>
            (await Api.AllAsync(client, path)).Count(match);

        return
        [
            new("catalog receipt", catalog, "/api/movements/receipts", new { itemId = item, locationId = to, quantity = 5, reference = "dup" },
                async () => (int)(await Api.OnHandAsync(catalog, item, to) / 5)),
            new("catalog issue", catalog, "/api/movements/issues", new { itemId = item, locationId = from, quantity = 1, reference = "dup" },
                Movements("issue")),
            new("catalog adjustment", catalog, "/api/movements/adjustments", new { itemId = item, locationId = from, quantity = 1, reasonCode = "found" },
                Movements("adjustment")),
            new("catalog transfer", catalog, "/api/movements/transfers", new { itemId = item, fromLocationId = from, toLocationId = countLocation, quantity = 1 },
                Movements("transfer_in")),
            new("catalog count open", catalog, "/api/counts", new { locationId = countLocation, itemIds = new[] { item } },
                Found(catalog, $"/api/counts?locationId={countLocation}&pageSize=200", _ => true)),
            new("catalog item create", catalog, "/api/items", new { sku, name = "Duplicate drill", unit = "each" },
                Found(catalog, $"/api/items?search={sku}&pageSize=200", r => r["sku"]?.GetValue<string>() == sku)),
            new("catalog category create", catalog, "/api/categories", new { name = category },
                Found(catalog, $"/api/categories?search={Uri.EscapeDataString(category)}&pageSize=200", r => r["name"]?.GetValue<string>() == category)),
            new("catalog location create", catalog, "/api/locations", new { code, name = "Duplicate drill", kind = "warehouse" },
                Found(catalog, $"/api/locations?search={code}&pageSize=200", r => r["code"]?.GetValue<string>() == code)),
            new("procurement supplier create", procurement, "/api/suppliers", new { name = supplier },
                Found(procurement, $"/api/suppliers?search={Uri.EscapeDataString(supplier)}&pageSize=200", r => r["name"]?.GetValue<string>() == supplier)),
            new("procurement order create", procurement, "/api/purchase-orders", new { supplierId = order.Supplier, lines = new[] { new { itemId = item, quantity = 1, unitPrice = 1 } } },
                async () => (await Api.AllAsync(procurement, $"/api/purchase-orders?supplierId={order.Supplier}&pageSize=200")).Count - 1),
            new("procurement receiving", procurement, $"/api/purchase-orders/{order.Order}/receipts",
                new { locationId = receivingLocation, lines = new[] { new { lineId = order.Line, quantity = 1 } } },
                async () => (await Api.GetAsync(procurement, $"/api/purchase-orders/{order.Order}/receipts")).AsArray().Count),
        ];
    }
}
