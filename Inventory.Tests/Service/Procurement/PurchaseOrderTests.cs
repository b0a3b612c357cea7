using System.Net;
using System.Net.Http.Json;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ServiceDefaults;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Procurement;

[Collection(ServicesCollection.Name)]
public sealed class PurchaseOrderTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly ProcurementTestData _data = new(fixture);

    public Task InitializeAsync() => _data.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_draft_gets_the_next_number_copies_item_details_and_defaults_prices_from_the_supplier()
    {
        var supplier = await _data.SupplierAsync(currency: "EUR");
        var bolt = await _data.ItemAsync("BOLT-1");
        var nut = await _data.ItemAsync("NUT-1");
        await _data.SupplierItemAsync(supplier.Id, bolt.Id, unitPrice: 0.25m);

        var response = await _data.Manager.PostAsJsonAsync("/api/purchase-orders", new
        {
            supplierId = supplier.Id,
            expectedDate = "2027-01-15",
            lines = new object[] { new { itemId = bolt.Id, quantity = 100 }, new { itemId = nut.Id, quantity = 10, unitPrice = 0.1 } },
        });
        var second = await _data.DraftAsync(supplier.Id, (bolt.Id, 1, 1));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = (await response.Content.ReadFromJsonAsync<PurchaseOrderDto>())!;
        Assert.Matches("^PO-\\d{6}$", order.Number);
        Assert.Equal(int.Parse(order.Number[3..]) + 1, int.Parse(second.Number[3..]));
        Assert.Equal("Draft", order.Status);
        Assert.Equal("EUR", order.Currency);
        Assert.Equal("manager-1", order.CreatedBy);
        Assert.Equal(["BOLT-1", "NUT-1"], order.Lines.Select(l => l.ItemSku));
        Assert.Equal("Item BOLT-1", order.Lines[0].Description);
        Assert.Equal(0.25m, order.Lines[0].UnitPrice);
        Assert.Equal(26m, order.Total);
        Assert.Equal("Draft", Assert.Single(order.StatusHistory).To);
    }

    [Theory]
    [InlineData("""{"lines":[]}""", "supplierId")]
    [InlineData("""{"supplierId":"SUPPLIER","lines":[{"quantity":1,"unitPrice":1}]}""", "lines[0].itemId")]
    [InlineData("""{"supplierId":"SUPPLIER","lines":[{"itemId":"ITEM","quantity":0,"unitPrice":1}]}""", "lines[0].quantity")]
    [InlineData("""{"supplierId":"SUPPLIER","lines":[{"itemId":"ITEM","quantity":1,"unitPrice":-1}]}""", "lines[0].unitPrice")]
    [InlineData("""{"supplierId":"SUPPLIER","lines":[{"itemId":"ITEM","quantity":1}]}""", "lines[0].unitPrice")]
    [InlineData("""{"supplierId":"SUPPLIER","lines":[{"itemId":"ITEM","quantity":1,"unitPrice":1},{"itemId":"ITEM","quantity":2,"unitPrice":1}]}""", "lines[1].itemId")]
    [InlineData("""{"supplierId":"SUPPLIER","lines":[{"itemId":"00000000-0000-0000-0000-000000000001","quantity":1,"unitPrice":1}]}""", "lines[0].itemId")]
    [InlineData("""{"supplierId":"00000000-0000-0000-0000-000000000001"}""", "supplierId")]
    [InlineData("""{"supplierId":"SUPPLIER","expectedDate":"soon"}""", "expectedDate")]
    [InlineData("""{"supplierId":"SUPPLIER","notes":"rush\u0000"}""", "notes")]
    public async Task Invalid_orders_are_rejected_with_the_field_named_and_nothing_is_stored(string template, string field)
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");
        var json = template.Replace("SUPPLIER", supplier.Id.ToString()).Replace("ITEM", item.Id.ToString());

        var response = await _data.Manager.PostAsync("/api/purchase-orders", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(field, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
        var list = await _data.Manager.GetFromJsonAsync<Page<PurchaseOrderSummaryDto>>("/api/purchase-orders");
        Assert.Empty(list!.Items);
    }

    [Fact]
    public async Task Archived_suppliers_get_no_new_orders_and_archived_items_no_new_lines()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");
        (await _data.Manager.PostAsync($"/api/suppliers/{supplier.Id}/archive", null)).EnsureSuccessStatusCode();

        var response = await _data.Manager.PostAsJsonAsync("/api/purchase-orders", new { supplierId = supplier.Id, lines = new[] { new { itemId = item.Id, quantity = 1, unitPrice = 1 } } });

        Assert.Contains("supplierId", (await response.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
    }

    [Fact]
    public async Task Archived_items_take_no_new_order_lines()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("OLD-1");
        (await _data.CatalogManager.PostAsync($"/api/items/{item.Id}/archive", null)).EnsureSuccessStatusCode();

        var response = await _data.Manager.PostAsJsonAsync("/api/purchase-orders", new { supplierId = supplier.Id, lines = new[] { new { itemId = item.Id, quantity = 1, unitPrice = 1 } } });

        var errors = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("archived", errors["lines[0].itemId"].Single());
    }

    [Fact]
    public async Task Only_drafts_are_editable_and_a_stale_version_gets_409()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");
        var draft = await _data.DraftAsync(supplier.Id, (item.Id, 5, 2));

        var edited = await _data.Manager.PutAsJsonAsync($"/api/purchase-orders/{draft.Id}",
            new { version = draft.Version, notes = "rush", lines = new[] { new { itemId = item.Id, quantity = 7, unitPrice = 2 } } });
        var stale = await _data.Manager.PutAsJsonAsync($"/api/purchase-orders/{draft.Id}",
            new { version = draft.Version, notes = "second editor", lines = new[] { new { itemId = item.Id, quantity = 9, unitPrice = 2 } } });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var saved = (await edited.Content.ReadFromJsonAsync<PurchaseOrderDto>())!;
        Assert.Equal(7, saved.Lines.Single().QuantityOrdered);
        Assert.Contains("version", (await stale.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
        Assert.Equal("rush", (await _data.OrderAsync(draft.Id)).Notes);

        var submitted = await _data.Manager.PostAsJsonAsync($"/api/purchase-orders/{draft.Id}/submit", new { version = saved.Version });
        submitted.EnsureSuccessStatusCode();
        var current = await _data.OrderAsync(draft.Id);
        var afterSubmit = await _data.Manager.PutAsJsonAsync($"/api/purchase-orders/{draft.Id}",
            new { version = current.Version, lines = new[] { new { itemId = item.Id, quantity = 1, unitPrice = 2 } } });
        await afterSubmit.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Two_people_saving_the_same_draft_at_once_one_wins_and_the_other_gets_409()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");
        var draft = await _data.DraftAsync(supplier.Id, (item.Id, 5, 2));

        var saves = await Task.WhenAll(Enumerable.Range(1, 8).Select(n => _data.Manager.PutAsJsonAsync($"/api/purchase-orders/{draft.Id}",
            new { version = draft.Version, notes = $"editor {n}", lines = new[] { new { itemId = item.Id, quantity = n, unitPrice = 2 } } })));

        Assert.Equal(1, saves.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(saves.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var final = await _data.OrderAsync(draft.Id);
        Assert.Equal($"editor {final.Lines.Single().QuantityOrdered:0}", final.Notes);
    }

    public static TheoryData<string, string, bool> Transitions => new()
    {
        // from, action, allowed
        { "Draft", "submit", true },
        { "Draft", "cancel", true },
        { "Draft", "close", false },
        { "Submitted", "submit", false },
        { "Submitted", "cancel", true },
        { "Submitted", "close", false },
        { "PartiallyReceived", "cancel", false },
        { "PartiallyReceived", "close", true },
        { "PartiallyReceived", "submit", false },
        { "Received", "cancel", false },
        { "Received", "close", false },
        { "Cancelled", "submit", false },
        { "Cancelled", "cancel", false },
        { "Closed", "submit", false },
        { "Closed", "close", false },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Status_transitions_follow_the_life_cycle_and_invalid_ones_get_409(string from, string action, bool allowed)
    {
        var order = await OrderInStatusAsync(from);

        var response = await _data.Manager.PostAsJsonAsync($"/api/purchase-orders/{order.Id}/{action}", new { version = order.Version });

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var changed = (await response.Content.ReadFromJsonAsync<PurchaseOrderDto>())!;
            var last = changed.StatusHistory[^1];
            Assert.Equal(from, last.From);
            Assert.Equal(changed.Status, last.To);
            Assert.Equal("manager-1", last.ChangedBy);
        }
        else
        {
            await response.AssertProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal(from, (await _data.OrderAsync(order.Id)).Status);
        }
    }

    [Fact]
    public async Task Submitting_an_empty_draft_is_refused()
    {
        var supplier = await _data.SupplierAsync();
        var draft = await _data.DraftAsync(supplier.Id);

        var response = await _data.Manager.PostAsJsonAsync($"/api/purchase-orders/{draft.Id}/submit", new { version = draft.Version });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_supplier_and_pages_newest_first()
    {
        var acme = await _data.SupplierAsync("Acme");
        var globex = await _data.SupplierAsync("Globex");
        var item = await _data.ItemAsync("I-1");
        var first = await _data.DraftAsync(acme.Id, (item.Id, 1, 1));
        var second = await _data.SubmittedAsync(acme.Id, (item.Id, 1, 1));
        var third = await _data.DraftAsync(globex.Id, (item.Id, 1, 1));

        var page1 = (await _data.Manager.GetFromJsonAsync<Page<PurchaseOrderSummaryDto>>("/api/purchase-orders?pageSize=2"))!;
        var page2 = (await _data.Manager.GetFromJsonAsync<Page<PurchaseOrderSummaryDto>>($"/api/purchase-orders?pageSize=2&after={page1.NextCursor}"))!;
        var drafts = (await _data.Manager.GetFromJsonAsync<Page<PurchaseOrderSummaryDto>>("/api/purchase-orders?status=draft"))!;
        var ofAcme = (await _data.Manager.GetFromJsonAsync<Page<PurchaseOrderSummaryDto>>($"/api/purchase-orders?supplierId={acme.Id}"))!;

        Assert.Equal([third.Id, second.Id], page1.Items.Select(o => o.Id));
        Assert.Equal([first.Id], page2.Items.Select(o => o.Id));
        Assert.Null(page2.NextCursor);
        Assert.Equal([third.Id, first.Id], drafts.Items.Select(o => o.Id));
        Assert.Equal([second.Id, first.Id], ofAcme.Items.Select(o => o.Id));
        Assert.Equal("Globex", page1.Items[0].SupplierName);
        var badStatus = await _data.Manager.GetAsync("/api/purchase-orders?status=lost");
        Assert.Contains("status", (await badStatus.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task Every_change_of_an_order_is_audited_with_who_and_before_and_after()
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");
        var draft = await _data.DraftAsync(supplier.Id, (item.Id, 5, 2));
        await _data.Manager.PostAsJsonAsync($"/api/purchase-orders/{draft.Id}/submit", new { version = draft.Version });

        var audit = (await _data.Manager.GetFromJsonAsync<Page<AuditEntryDto>>($"/api/audit?entityType=purchase-order&entityId={draft.Id}"))!.Items;

        Assert.Equal(["submit", "create"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("manager-1", a.UserId));
        Assert.Equal("I-1 × 5 @ 2", audit[1].Changes["lines"].After.GetString());
        Assert.Equal(draft.Number, audit[1].Changes["number"].After.GetString());
        var submit = audit[0].Changes;
        Assert.Equal(["status"], submit.Keys);
        Assert.Equal("Draft", submit["status"].Before.GetString());
        Assert.Equal("Submitted", submit["status"].After.GetString());
    }

    private async Task<PurchaseOrderDto> OrderInStatusAsync(string status)
    {
        var supplier = await _data.SupplierAsync();
        var item = await _data.ItemAsync("I-1");
        var receiving = new ReceivingSteps(_data);
        switch (status)
        {
            case "Draft":
                return await _data.DraftAsync(supplier.Id, (item.Id, 10, 1));
            case "Submitted":
                return await _data.SubmittedAsync(supplier.Id, (item.Id, 10, 1));
            case "Cancelled":
            {
                var order = await _data.SubmittedAsync(supplier.Id, (item.Id, 10, 1));
                (await _data.Manager.PostAsJsonAsync($"/api/purchase-orders/{order.Id}/cancel", new { version = order.Version })).EnsureSuccessStatusCode();
                return await _data.OrderAsync(order.Id);
            }
            default:
            {
                var order = await _data.SubmittedAsync(supplier.Id, (item.Id, 10, 1));
                await receiving.ReceiveAsync(order, status == "Received" ? 10 : 4);
                if (status == "Closed")
                {
                    var partial = await _data.OrderAsync(order.Id);
                    (await _data.Manager.PostAsJsonAsync($"/api/purchase-orders/{order.Id}/close", new { version = partial.Version })).EnsureSuccessStatusCode();
                }
                return await _data.OrderAsync(order.Id);
            }
        }
    }
}

/// <summary>Receiving through the API as a clerk.</summary>
public sealed class ReceivingSteps(ProcurementTestData data)
{
    private readonly Lazy<Task<Guid>> _location = new(() => data.LocationAsync($"RCV-{Guid.NewGuid():N}"[..12]));

    /// <summary>A catalog location to receive into, created once on first use (each test starts from an empty catalog).</summary>
    public Task<Guid> LocationAsync() => _location.Value;

    public async Task<HttpResponseMessage> TryReceiveAsync(PurchaseOrderDto order, decimal quantity, int line = 0, Guid? location = null) =>
        await data.Clerk.PostAsJsonAsync($"/api/purchase-orders/{order.Id}/receipts",
            new { locationId = location ?? await LocationAsync(), lines = new[] { new { lineId = order.Lines[line].Id, quantity } } });

    public async Task ReceiveAsync(PurchaseOrderDto order, decimal quantity, int line = 0)
    {
        var response = await TryReceiveAsync(order, quantity, line);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
