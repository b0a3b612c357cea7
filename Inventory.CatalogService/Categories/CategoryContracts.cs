using Inventory.CatalogService.Trees;

namespace Inventory.CatalogService.Categories;

public record CreateCategoryRequest : ITreeRequest
{
    public string? Name { get; init; }
    public Guid? ParentId { get; init; }
}

/// <summary>Renames or moves; <see cref="Version"/> is the version the client read.</summary>
public sealed record UpdateCategoryRequest : CreateCategoryRequest
{
    public int? Version { get; init; }
}

public sealed record CategoryDto(Guid Id, string Name, Guid? ParentId, string Path, int Depth, bool IsArchived, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static CategoryDto From(Category c) =>
        new(c.Id, c.Name, c.ParentId, c.Path, c.Depth, c.IsArchived, c.Version, c.CreatedAt, c.UpdatedAt);
}
