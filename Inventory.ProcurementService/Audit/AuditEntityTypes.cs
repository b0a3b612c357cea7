namespace Inventory.ProcurementService.Audit;

/// <summary>The entity types procurement records in its audit trail (<c>GET api/audit?entityType=…</c>).</summary>
public static class AuditEntityTypes
{
    public const string Supplier = "supplier";
    public const string SupplierItem = "supplier-item";
    public const string PurchaseOrder = "purchase-order";

    /// <summary>A received line's resolution after the catalog rejected it (retried, moved to another location).</summary>
    public const string ReceiptLine = "receipt-line";

    public static readonly string[] All = [Supplier, SupplierItem, PurchaseOrder, ReceiptLine];
}
