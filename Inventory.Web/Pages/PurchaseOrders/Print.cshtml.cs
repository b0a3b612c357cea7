using Inventory.Web.Settings;

namespace Inventory.Web.Pages.PurchaseOrders;

/// <summary>
/// A purchase order as the supplier receives it: our company (settings) as buyer, the supplier's address and contact,
/// the lines with the supplier's SKUs and the catalog's units, the total in the order's currency and our terms. The
/// print stylesheet (css/print.css) leaves only the document, so the browser prints it or saves it as PDF.
/// </summary>
public sealed class OrderPrintModel(ProcurementClient procurement, CatalogClient catalog, CompanySettingsStore settings)
    : DetailsPage<PurchaseOrderDetail>
{
    public PurchaseOrderDetail? Order => Entity;
    public CompanySettings Company { get; private set; } = new();
    public SupplierDetail? Supplier { get; private set; }
    public IReadOnlyDictionary<Guid, string> SupplierSkus { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<Guid, string> Units { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>When the order went to the supplier; a draft (printed to check it) shows the day it was created.</summary>
    public DateTimeOffset? OrderedAt => Order?.SubmittedAt ?? Order?.CreatedAt;

    protected override Task<ApiResult<PurchaseOrderDetail>> GetAsync(CancellationToken ct) => procurement.GetOrderAsync(Id, ct);

    protected override async Task LoadMoreAsync(PurchaseOrderDetail order, CancellationToken ct)
    {
        var supplier = procurement.GetSupplierAsync(order.SupplierId, ct);
        var supplierItems = procurement.ListSupplierItemsAsync(order.SupplierId, ct);
        var items = order.Lines.Select(l => l.ItemId).Distinct().Select(id => catalog.GetItemAsync(id, ct)).ToList();
        Company = await settings.GetAsync(ct);
        Supplier = (await supplier).Value;
        SupplierSkus = (await supplierItems).Value?.Where(i => i.SupplierSku is not null)
            .ToDictionary(i => i.ItemId, i => i.SupplierSku!) ?? new Dictionary<Guid, string>();
        // A unit the catalog cannot tell now (down, item gone) prints as a dash; the order itself is procurement's.
        Units = (await Task.WhenAll(items)).Where(r => r.Succeeded).ToDictionary(r => r.Value!.Id, r => r.Value!.Unit);
    }
}
