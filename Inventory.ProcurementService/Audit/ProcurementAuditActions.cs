namespace Inventory.ProcurementService.Audit;

/// <summary>Procurement's audit actions beyond the kit's create/update/archive/unarchive (<see cref="AuditActions"/>).</summary>
public static class ProcurementAuditActions
{
    public const string Delete = "delete";
    public const string Submit = "submit";
    public const string Cancel = "cancel";
    public const string Close = "close";

    /// <summary>A rejected receipt line sent to the catalog again, unchanged.</summary>
    public const string Retry = "retry";

    /// <summary>A rejected receipt line sent to the catalog again, into another location.</summary>
    public const string Move = "move";
}
