using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Inventory.Drills;

/// <summary>The few calls the drills set up and check with; each fails the drill loudly if the app refuses.</summary>
public static class Api
{
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    public static Func<HttpRequestMessage> Post(string path, object body, string? key = null) => () =>
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return request;
    };

    public static async Task<JsonNode> PostOkAsync(HttpClient client, string path, object body)
    {
        using var response = await client.SendAsync(Post(path, body, Guid.NewGuid().ToString())());
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new DrillException($"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public static async Task<JsonNode> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new DrillException($"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Every row of a keyset-paged list.</summary>
    public static async Task<List<JsonNode>> AllAsync(HttpClient client, string path)
    {
        var rows = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = await GetAsync(client, cursor is null ? path : $"{path}&after={Uri.EscapeDataString(cursor)}");
            rows.AddRange(page["items"]!.AsArray().Select(r => r!));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);
        return rows;
    }

    public static Guid Id(this JsonNode node, string name = "id") => Guid.Parse(node[name]!.GetValue<string>());

    public static async Task<Guid> NewItemAsync(HttpClient catalog) =>
        (await PostOkAsync(catalog, "/api/items", new { sku = Unique("DRILL"), name = "Drill item", unit = "each", unitCost = 1 })).Id();

    public static async Task<Guid> NewLocationAsync(HttpClient catalog) =>
        (await PostOkAsync(catalog, "/api/locations", new { code = Unique("DRL"), name = "Drill location", kind = "warehouse" })).Id();

    public static Task ReceiveAsync(HttpClient catalog, Guid item, Guid location, decimal quantity) =>
        PostOkAsync(catalog, "/api/movements/receipts", new { itemId = item, locationId = location, quantity, reference = "drill" });

    public static async Task<decimal> OnHandAsync(HttpClient catalog, Guid item, Guid location)
    {
        var rows = await AllAsync(catalog, $"/api/stock?itemId={item}&locationId={location}&includeZero=true&pageSize=200");
        return rows.Sum(r => r["onHand"]!.GetValue<decimal>());
    }

    /// <summary>Ledger rows of an item (optionally of one movement type).</summary>
    public static async Task<int> MovementCountAsync(HttpClient catalog, Guid item, string? type = null) =>
        (await AllAsync(catalog, $"/api/movements?itemId={item}&pageSize=200{(type is null ? "" : $"&type={type}")}")).Count;

    /// <summary>A supplier, an item and a submitted purchase order for <paramref name="quantity"/> of it.</summary>
    public static async Task<(Guid Order, Guid Line, Guid Item, Guid Supplier)> SubmittedOrderAsync(HttpClient catalog, HttpClient procurement, decimal quantity)
    {
        var item = await NewItemAsync(catalog);
        var supplier = (await PostOkAsync(procurement, "/api/suppliers", new { name = $"Drill supplier {Guid.NewGuid():N}" })).Id();
        var order = await PostOkAsync(procurement, "/api/purchase-orders", new { supplierId = supplier, lines = new[] { new { itemId = item, quantity, unitPrice = 1 } } });
        await PostOkAsync(procurement, $"/api/purchase-orders/{order.Id()}/submit", new { });
        return (order.Id(), order["lines"]![0]!.Id(), item, supplier);
    }

    public static async Task WaitHealthyAsync(Uri service, TimeSpan within)
    {
        using var client = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new DrillException($"{service} not healthy within {within.TotalSeconds} s");
    }
}
