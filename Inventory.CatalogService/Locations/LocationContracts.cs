using Inventory.CatalogService.Trees;

namespace Inventory.CatalogService.Locations;

public record CreateLocationRequest : ITreeRequest
{
    public string? Code { get; init; }
    /// <summary>Empty: the location's code.</summary>
    public string? Barcode { get; init; }
    public string? Name { get; init; }
    public string? Kind { get; init; }
    public Guid? ParentId { get; init; }
    public bool? AllowsNegative { get; init; }
}

/// <summary>Changes or moves; <see cref="Version"/> is the version the client read.</summary>
public sealed record UpdateLocationRequest : CreateLocationRequest
{
    public int? Version { get; init; }
}

public sealed record LocationDto(Guid Id, string Code, string Barcode, string Name, string Kind, Guid? ParentId, string Path, int Depth,
    bool AllowsNegative, bool IsArchived, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static LocationDto From(Location l) => new(l.Id, l.Code, l.Barcode, l.Name, l.Kind, l.ParentId, l.Path, l.Depth,
        l.AllowsNegative, l.IsArchived, l.Version, l.CreatedAt, l.UpdatedAt);
}
