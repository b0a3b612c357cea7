using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Catalog;

/// <summary>
/// The catalog's master-data writes take an Idempotency-Key like its movements: a retried or double-submitted create
/// is the user's own first answer again (not "SKU taken"), and an edit or archive repeated with its key applies once.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class MasterDataIdempotencyTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _manager = fixture.Catalog.CreateClientAs(Roles.Manager, userId: "user-m");
    private readonly CatalogTestData _data = new(fixture, "user-m");

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string key)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(IdempotencyRules.HeaderName, key);
        return _manager.SendAsync(request);
    }

    public static TheoryData<string, string> Creates => new()
    {
        { "/api/items", """{"sku":"DUP-1","name":"Twice submitted","unit":"each"}""" },
        { "/api/categories", """{"name":"Twice submitted"}""" },
        { "/api/locations", """{"code":"DUP-1","name":"Twice submitted","kind":"warehouse"}""" },
    };

    [Theory]
    [MemberData(nameof(Creates))]
    public async Task Twenty_concurrent_creates_with_one_key_create_one_and_all_get_its_answer(string path, string json)
    {
        var body = JsonSerializer.Deserialize<JsonElement>(json);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => SendAsync(HttpMethod.Post, path, body, key)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var ids = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        var listed = await _manager.GetFromJsonAsync<JsonElement>($"{path}?search=DUP&includeArchived=true");
        var named = await _manager.GetFromJsonAsync<JsonElement>($"{path}?search=Twice&includeArchived=true");
        Assert.Equal(1, Math.Max(listed.GetProperty("items").GetArrayLength(), named.GetProperty("items").GetArrayLength()));
    }

    [Fact]
    public async Task An_edit_and_an_archive_repeated_with_their_keys_apply_once_and_answer_the_same()
    {
        var item = await _data.ItemAsync("ONCE-1");
        var edit = new { version = item.Version, sku = item.Sku, name = "Renamed once", unit = item.Unit };
        var editKey = Guid.NewGuid().ToString();
        var archiveKey = Guid.NewGuid().ToString();

        var firstEdit = await SendAsync(HttpMethod.Put, $"/api/items/{item.Id}", edit, editKey);
        var againEdit = await SendAsync(HttpMethod.Put, $"/api/items/{item.Id}", edit, editKey);
        var firstArchive = await SendAsync(HttpMethod.Post, $"/api/items/{item.Id}/archive", null, archiveKey);
        var againArchive = await SendAsync(HttpMethod.Post, $"/api/items/{item.Id}/archive", null, archiveKey);

        Assert.Equal(HttpStatusCode.OK, firstEdit.StatusCode);
        Assert.Equal(await firstEdit.Content.ReadAsStringAsync(), await againEdit.Content.ReadAsStringAsync()); // not a stale-version 409
        Assert.Equal(await firstArchive.Content.ReadAsStringAsync(), await againArchive.Content.ReadAsStringAsync());
        Assert.Equal("true", againArchive.Headers.GetValues("Idempotent-Replayed").Single());
        var audit = await _manager.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=item&entityId={item.Id}");
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(1, actions.Count(a => a == "update"));
        Assert.Equal(1, actions.Count(a => a == "archive"));
    }

    [Fact]
    public async Task An_import_repeated_with_its_key_imports_once()
    {
        var csv = "sku,name,unit\nIMP-ONCE,Imported once,each\n";
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> ImportAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/items/import") { Content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv") };
            request.Headers.Add(IdempotencyRules.HeaderName, key);
            return await _manager.SendAsync(request);
        }
        var first = await ImportAsync();
        var again = await ImportAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Contains("\"created\":1", await again.Content.ReadAsStringAsync()); // the first answer, not "1 unchanged"
    }
}
