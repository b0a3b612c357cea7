using Inventory.ServiceDefaults;

namespace Inventory.Web.Services;

/// <summary>Typed client of the procurement service (service discovery resolves its address).</summary>
public sealed class ProcurementClient(HttpClient http)
{
    public async Task<Page<SupplierSummary>> ListSuppliersAsync(string? search, string? after, int pageSize, CancellationToken ct) =>
        await http.GetFromJsonAsync<Page<SupplierSummary>>(CatalogClient.ListUri("api/suppliers", search, after, pageSize), ct)
        ?? throw new InvalidOperationException("The procurement service returned an empty supplier page.");
}
