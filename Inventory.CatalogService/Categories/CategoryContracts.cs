namespace Inventory.CatalogService.Categories;

public sealed record CreateCategoryRequest(string? Name, Guid? ParentId);

public sealed record UpdateCategoryRequest(string? Name, Guid? ParentId, int? Version);

public sealed record CategoryDto(Guid Id, string Name, Guid? ParentId, string Path, int Depth, bool IsArchived, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CategoryDto From(Category c) =>
        new(c.Id, c.Name, c.ParentId, c.Path, c.Depth, c.IsArchived, c.Version, c.CreatedAt, c.UpdatedAt);
}
