using Inventory.CatalogService.Trees;

namespace Inventory.CatalogService.Locations;

/// <summary>A warehouse (a root) or a bin (inside a warehouse or another bin); its path is made of codes ("WH1 / A / A-01").</summary>
public sealed class Location : TreeNode
{
    public required string Code { get; set; }
    public string CodeNormalized { get; private set; } = "";
    /// <summary>What a scanner reads off the location's label: its code unless given; unique regardless of case.</summary>
    public string Barcode { get; set; } = "";
    public string BarcodeNormalized { get; private set; } = "";
    public required string Name { get; set; }
    public required string Kind { get; set; }
    /// <summary>Whether stock here may go below zero (copied onto its stock levels, where a CHECK enforces it).</summary>
    public bool AllowsNegative { get; set; }

    public override string Label() => Code;

    public override Dictionary<string, object?> AuditFields() => new()
    {
        ["code"] = Code, ["barcode"] = Barcode, ["name"] = Name, ["kind"] = Kind, ["parentId"] = ParentId, ["path"] = Path,
        ["allowsNegative"] = AllowsNegative, ["isArchived"] = IsArchived,
    };
}

public static class LocationKinds
{
    public const string Warehouse = "warehouse";
    public const string Bin = "bin";
    public static readonly string[] All = [Warehouse, Bin];
}
