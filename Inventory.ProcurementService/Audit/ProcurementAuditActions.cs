namespace Inventory.ProcurementService.Audit;

/// <summary>Procurement's audit actions beyond the kit's create/update/archive/unarchive (<see cref="AuditActions"/>).</summary>
public static class ProcurementAuditActions
{
    public const string Delete = "delete";
    public const string Submit = "submit";
    public const string Cancel = "cancel";
    public const string Close = "close";
}
