namespace Inventory.CatalogService.Locations;

public sealed record CreateLocationRequest(string? Code, string? Name, string? Kind, Guid? ParentId, bool? AllowsNegative);

public sealed record UpdateLocationRequest(string? Code, string? Name, string? Kind, Guid? ParentId, bool? AllowsNegative, int? Version);

public sealed record LocationDto(Guid Id, string Code, string Name, string Kind, Guid? ParentId, string Path, int Depth,
    bool AllowsNegative, bool IsArchived, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static LocationDto From(Location l) => new(l.Id, l.Code, l.Name, l.Kind, l.ParentId, l.Path, l.Depth,
        l.AllowsNegative, l.IsArchived, l.Version, l.CreatedAt, l.UpdatedAt);
}
