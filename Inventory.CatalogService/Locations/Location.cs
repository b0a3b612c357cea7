namespace Inventory.CatalogService.Locations;

/// <summary>A warehouse (a root) or a bin (inside a warehouse or another bin).</summary>
public sealed class Location
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Code { get; set; }
    public string CodeNormalized { get; private set; } = "";
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public Guid? ParentId { get; set; }
    /// <summary>Codes from the root down, joined with " / ".</summary>
    public string Path { get; set; } = "";
    public string PathIds { get; set; } = "";
    public int Depth { get; set; }
    /// <summary>Whether stock here may go below zero (copied onto its stock levels, where a CHECK enforces it).</summary>
    public bool AllowsNegative { get; set; }
    public bool IsArchived { get; set; }
    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public Dictionary<string, object?> AuditFields() => new()
    {
        ["code"] = Code, ["name"] = Name, ["kind"] = Kind, ["parentId"] = ParentId, ["path"] = Path,
        ["allowsNegative"] = AllowsNegative, ["isArchived"] = IsArchived,
    };
}

public static class LocationKinds
{
    public const string Warehouse = "warehouse";
    public const string Bin = "bin";
    public static readonly string[] All = [Warehouse, Bin];
}
