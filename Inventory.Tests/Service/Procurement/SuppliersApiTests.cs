using System.Net;
using System.Net.Http.Json;
using Inventory.ProcurementService.Suppliers;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;

namespace Inventory.Tests.Service.Procurement;

[Collection(ServicesCollection.Name)]
public sealed class SuppliersApiTests(ServicesFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _client = fixture.Procurement.CreateClientAs(Roles.Manager);

    public Task InitializeAsync() => fixture.ResetAsync(ResourceNames.ProcurementDb);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Created_supplier_keeps_its_details_and_defaults_the_currency()
    {
        var response = await _client.PostAsJsonAsync("/api/suppliers", new
        {
            name = " Acme Fasteners ", contactName = "Ann", email = "sales@acme.example", phone = "+44 20 7946 0000",
            website = "https://acme.example", leadTimeDays = 7, paymentTerms = "Net 30",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<SupplierDto>())!;
        Assert.Equal("Acme Fasteners", created.Name);
        Assert.Equal("USD", created.Currency);
        Assert.Equal(7, created.LeadTimeDays);
        var read = await _client.GetFromJsonAsync<SupplierDto>($"/api/suppliers/{created.Id}");
        Assert.Equal("sales@acme.example", read!.Email);
    }

    [Fact]
    public async Task Supplier_name_is_unique_regardless_of_case()
    {
        (await _client.PostAsJsonAsync("/api/suppliers", new { name = "Acme" })).EnsureSuccessStatusCode();

        var duplicate = await _client.PostAsJsonAsync("/api/suppliers", new { name = "ACME" });

        Assert.Contains("name", (await duplicate.AssertProblemAsync(HttpStatusCode.Conflict)).Keys);
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"contactName":"x"}""", "name")]
    [InlineData("""{"name":"A","email":"not-an-email"}""", "email")]
    [InlineData("""{"name":"A","email":"a@b"}""", "email")]
    [InlineData("""{"name":"A","phone":"call me"}""", "phone")]
    [InlineData("""{"name":"A","website":"ftp://x.example"}""", "website")]
    [InlineData("""{"name":"A","leadTimeDays":-1}""", "leadTimeDays")]
    [InlineData("""{"name":"A","leadTimeDays":366}""", "leadTimeDays")]
    [InlineData("""{"name":"A","leadTimeDays":"soon"}""", "leadTimeDays")]
    [InlineData("""{"name":"A","currency":"EURO"}""", "currency")]
    [InlineData("""{"name":"A","notes":"first\u0000second"}""", "notes")] // PostgreSQL cannot store NUL
    [InlineData("""{"name":"Acme\u0000"}""", "name")]
    public async Task Invalid_supplier_is_rejected_with_the_field_named_and_nothing_is_stored(string json, string field)
    {
        var response = await _client.PostAsync("/api/suppliers", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(field, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
        var page = await _client.GetFromJsonAsync<Page<SupplierDto>>("/api/suppliers");
        Assert.Empty(page!.Items);
    }

    [Fact]
    public async Task List_is_ordered_by_name_and_paged_with_a_cursor()
    {
        foreach (var name in new[] { "Zeta", "alpha", "Mu", "beta" })
            (await _client.PostAsJsonAsync("/api/suppliers", new { name })).EnsureSuccessStatusCode();

        var first = (await _client.GetFromJsonAsync<Page<SupplierDto>>("/api/suppliers?pageSize=3"))!;
        var second = (await _client.GetFromJsonAsync<Page<SupplierDto>>($"/api/suppliers?pageSize=3&after={first.NextCursor}"))!;

        Assert.Equal(["alpha", "beta", "Mu"], first.Items.Select(s => s.Name));
        Assert.Equal(["Zeta"], second.Items.Select(s => s.Name));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task Search_finds_suppliers_by_name_or_contact()
    {
        (await _client.PostAsJsonAsync("/api/suppliers", new { name = "Acme", contactName = "Ann Smith" })).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync("/api/suppliers", new { name = "Smith & Sons" })).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync("/api/suppliers", new { name = "Globex" })).EnsureSuccessStatusCode();

        var found = (await _client.GetFromJsonAsync<Page<SupplierDto>>("/api/suppliers?search=smith"))!;

        Assert.Equal(["Acme", "Smith & Sons"], found.Items.Select(s => s.Name));
    }

    [Fact]
    public async Task A_search_with_a_nul_character_is_a_400_naming_it()
    {
        var response = await _client.GetAsync("/api/suppliers?search=ac%00me");

        Assert.Contains("search", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task Unknown_supplier_is_404_problem()
    {
        await (await _client.GetAsync($"/api/suppliers/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
